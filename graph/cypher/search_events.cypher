// Events whose label holds $text (lower case), or whose place or a participant has a normalised
// name or alias starting with $term or holding it at the start of a word; with their dates.
MATCH (v:Event)
WHERE toLower(v.label) CONTAINS $text
RETURN v.id AS id, v.date AS date
UNION
MATCH (e:Entity)
WHERE any(k IN e.search_keys WHERE k STARTS WITH $term OR (' ' + k) CONTAINS (' ' + $term))
MATCH (e)-[:HELD_IN|PARTICIPATED_IN|ATTENDED|MEDIATED]-(v:Event)
RETURN v.id AS id, v.date AS date
