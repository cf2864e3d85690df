// The ids of the $limit entities the most articles mention.
MATCH (n:Entity)
RETURN n.id AS id
ORDER BY n.article_count DESC, n.id
LIMIT $limit
