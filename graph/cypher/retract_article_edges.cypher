// Drops one article from the provenance of every edge it stated; edges nobody states any more go.
MATCH (a:Article {id: $article})-[:MENTIONS]->(n)-[r]-()
WHERE r.articles IS NOT NULL AND $article IN r.articles
WITH DISTINCT r
SET r.articles = [x IN r.articles WHERE x <> $article]
WITH r WHERE size(r.articles) = 0
DELETE r
RETURN count(*) AS removed
