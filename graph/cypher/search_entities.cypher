// Entities whose normalised names match the term: exact (0), prefix (1), whole words (2), word
// prefix (3). Only the SearchKey nodes whose text starts with the term are read (graph.keys),
// a range on the indexed `text`, and ranked: the whole key equal to the term or starting with
// it, a suffix from a word on equal to it or followed by a space, or any suffix starting with it.
MATCH (k:SearchKey)
WHERE k.text STARTS WITH $term
WITH k.entity AS eid,
     min(CASE
           WHEN k.whole AND k.text = $term THEN 0
           WHEN k.whole THEN 1
           WHEN k.text = $term OR k.text STARTS WITH ($term + ' ') THEN 2
           ELSE 3
         END) AS rank
MATCH (n:Entity {id: eid})
WHERE $type IS NULL OR n.type = $type
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count, rank
ORDER BY rank, article_count DESC, n.name, n.id
LIMIT $limit
