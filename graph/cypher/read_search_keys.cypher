// Every entity's normalised names, optionally of one type, for matching a misspelt search.
MATCH (n:Entity)
WHERE $type IS NULL OR n.type = $type
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count, n.search_keys AS search_keys
