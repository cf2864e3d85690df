// Drops one article's MENTIONS of the nodes it stated; nodes no article mentions any more go.
MATCH (a:Article {id: $article})-[m:MENTIONS]->(n)
SET n.article_count = n.article_count - 1
DELETE m
WITH n WHERE n.article_count <= 0
DETACH DELETE n
RETURN count(*) AS removed
