// Deletes one article node, after retract_article has taken back everything it stated.
MATCH (a:Article {id: $article})
DETACH DELETE a
RETURN count(*) AS deleted
