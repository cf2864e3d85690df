// Recomputes the status of every event one article mentions from the other articles' statuses
// (run before the article's MENTIONS go; events no other article mentions go with them).
MATCH (:Article {id: $article})-[:MENTIONS]->(v:Event)
WITH v, [(v)<-[x:MENTIONS]-(b:Article) WHERE b.id <> $article | coalesce(x.status, $stated)] AS claims
SET v.status = __STATUS__
RETURN count(v) AS recomputed
