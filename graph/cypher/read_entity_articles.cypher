// $limit articles, after skipping the latest $offset, of those that mention an entity, newest
// first (undated last). A busy entity keeps its latest articles (graph.summaries): when that
// list holds the page, only those articles are read; otherwise every article that mentions the
// entity is sorted.
MATCH (n:Entity {id: $id})
WHERE n.latest_articles IS NOT NULL
  AND (size(n.latest_articles) >= $offset + $limit OR size(n.latest_articles) >= n.article_count)
WITH n.latest_articles AS latest
UNWIND latest AS aid
MATCH (a:Article {id: aid})
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY published IS NULL, published DESC, id
SKIP $offset
LIMIT $limit
UNION ALL
MATCH (n:Entity {id: $id})
WHERE n.latest_articles IS NULL
   OR (size(n.latest_articles) < $offset + $limit AND size(n.latest_articles) < n.article_count)
MATCH (n)<-[:MENTIONS]-(a:Article)
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY published IS NULL, published DESC, id
SKIP $offset
LIMIT $limit
