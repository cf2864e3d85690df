// Links each dated round of talks to the next one by date (PRECEDED, marked derived by $rule, no
// articles), keeping the dates of both ends. Only rounds some article states or announces are
// ordered: a round that is only doubted, denied or hypothetical is no step of the sequence.
MATCH (v:Event {kind: $kind})
WHERE v.date IS NOT NULL AND coalesce(v.status, $stated) IN $orderable
WITH v ORDER BY v.date, v.id
WITH collect(v) AS rounds
UNWIND range(0, size(rounds) - 2) AS i
WITH rounds[i] AS a, rounds[i + 1] AS b
MERGE (a)-[r:PRECEDED]->(b)
ON CREATE SET r.key = a.id + '|PRECEDED|' + b.id, r.articles = [], r.derived = true,
              r.confidence = 0.5, r.rule = $rule, r.source_date = a.date, r.target_date = b.date
RETURN count(r) AS linked
