// Drops one article from the provenance of every node it stated; nodes nobody states any more go.
MATCH (a:Article {id: $article})-[m:MENTIONS]->(n)
SET n.articles = [x IN n.articles WHERE x <> $article]
DELETE m
WITH n WHERE size(n.articles) = 0
DETACH DELETE n
RETURN count(*) AS removed
