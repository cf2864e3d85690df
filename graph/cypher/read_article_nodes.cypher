// The nodes one article mentions, with their labels (read before the article is retracted).
MATCH (:Article {id: $article})-[:MENTIONS]->(n)
RETURN n.id AS id, labels(n) AS labels
