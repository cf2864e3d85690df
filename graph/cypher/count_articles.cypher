// How many articles there are, of one source when given.
MATCH (a:Article)
WHERE $source IS NULL OR a.source = $source
RETURN count(a) AS total
