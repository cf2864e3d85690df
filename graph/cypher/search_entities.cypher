// Entities whose normalised names match the term: exact, then prefix, then whole word, then word prefix.
MATCH (n:Entity)
WHERE $type IS NULL OR n.type = $type
WITH n, reduce(best = 9, k IN n.search_keys |
       CASE
         WHEN k = $term THEN 0
         WHEN best > 1 AND k STARTS WITH $term THEN 1
         WHEN best > 2 AND (' ' + k + ' ') CONTAINS (' ' + $term + ' ') THEN 2
         WHEN best > 3 AND (' ' + k) CONTAINS (' ' + $term) THEN 3
         ELSE best
       END) AS rank
WHERE rank < 9
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count, rank
ORDER BY rank, article_count DESC, n.name, n.id
LIMIT $limit
