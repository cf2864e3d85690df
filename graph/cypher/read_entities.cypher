// Entities in name order, optionally of one type.
MATCH (n:Entity)
WHERE $type IS NULL OR n.type = $type
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count
ORDER BY n.name, n.id
SKIP $offset
LIMIT $limit
