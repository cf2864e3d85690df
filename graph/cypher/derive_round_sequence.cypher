// Links each dated round of talks to the next one by date (PRECEDED, marked derived, no articles).
MATCH (v:Event {kind: $kind})
WHERE v.date IS NOT NULL
WITH v ORDER BY v.date, v.id
WITH collect(v) AS rounds
UNWIND range(0, size(rounds) - 2) AS i
WITH rounds[i] AS a, rounds[i + 1] AS b
MERGE (a)-[r:PRECEDED]->(b)
ON CREATE SET r.key = a.id + '|PRECEDED|' + b.id, r.articles = [], r.derived = true,
              r.confidence = 0.5
RETURN count(r) AS linked
