// Links each pair of successive rounds (PRECEDED, marked derived by $rule, no articles), keeping
// the dates of both ends; a PRECEDED an article states between them is kept as it is.
UNWIND $pairs AS pair
MATCH (a:Event {id: pair.source})
MATCH (b:Event {id: pair.target})
MERGE (a)-[r:PRECEDED]->(b)
ON CREATE SET r.key = a.id + '|PRECEDED|' + b.id, r.articles = [], r.derived = true,
              r.confidence = 0.5, r.rule = $rule, r.source_date = a.date, r.target_date = b.date
RETURN count(r) AS linked
