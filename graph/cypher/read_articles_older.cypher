// Whether an article was published before $hi (an existence probe on the index).
MATCH (a:Article)
WHERE a.published < $hi AND ($source IS NULL OR a.source = $source)
RETURN a.id AS id
LIMIT 1
