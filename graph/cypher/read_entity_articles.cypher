// The latest $limit articles that mention an entity, newest first (undated last).
MATCH (n:Entity {id: $id})<-[:MENTIONS]-(a:Article)
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY published IS NULL, published DESC, id
LIMIT $limit
