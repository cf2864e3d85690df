// Graphs written before nodes kept an article_count carried an `articles` list instead: count it
// and drop it, so reads, later writes and retractions see the count (idempotent).
MATCH (n:__FROM__)
WHERE n.article_count IS NULL
SET n.article_count = size(coalesce(n.articles, []))
REMOVE n.articles
RETURN count(n) AS migrated
