// How many entities there are, of one type when given.
MATCH (n:Entity)
WHERE $type IS NULL OR n.type = $type
RETURN count(n) AS total
