// How many entities search_entities matches: a normalised name or alias equal to the term,
// starting with it, or holding it as a word or the start of a word.
MATCH (n:Entity)
WHERE ($type IS NULL OR n.type = $type)
  AND any(k IN n.search_keys WHERE k STARTS WITH $term OR (' ' + k) CONTAINS (' ' + $term))
RETURN count(n) AS total
