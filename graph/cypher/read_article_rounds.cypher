// The rounds of talks one article mentions (read before the article is retracted).
MATCH (:Article {id: $article})-[:MENTIONS]->(v:Event)
WHERE v.kind = $kind
RETURN v.id AS id
