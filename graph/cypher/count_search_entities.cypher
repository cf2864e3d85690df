// How many entities search_entities matches: those of the SearchKey nodes whose text starts with
// the term (a range on the indexed `text`, graph.keys), of one type when given.
MATCH (k:SearchKey)
WHERE k.text STARTS WITH $term
WITH DISTINCT k.entity AS eid
MATCH (n:Entity {id: eid})
WHERE $type IS NULL OR n.type = $type
RETURN count(n) AS total
