// Drops one article from the provenance of every edge it stated, with its status of the fact and
// its confidence, and recomputes the fact's status and confidence from the other articles; edges
// nobody states any more go.
MATCH (a:Article {id: $article})-[:MENTIONS]->(n)-[r]-()
WHERE r.articles IS NOT NULL AND $article IN r.articles
WITH DISTINCT r
WITH r, [i IN range(0, size(r.articles) - 1) WHERE r.articles[i] <> $article] AS keep
SET r.statuses = CASE WHEN r.statuses IS NULL THEN NULL ELSE [i IN keep | r.statuses[i]] END,
    r.confidences = CASE WHEN r.confidences IS NULL THEN NULL ELSE [i IN keep | r.confidences[i]] END
SET r.articles = [i IN keep | r.articles[i]],
    r.confidence = CASE WHEN r.confidences IS NULL OR size(r.confidences) = 0 THEN r.confidence
                        ELSE reduce(best = 0.0, c IN r.confidences |
                                    CASE WHEN c > best THEN c ELSE best END) END
WITH r, coalesce(r.statuses, []) AS claims
SET r.status = CASE WHEN r.statuses IS NULL THEN r.status ELSE __STATUS__ END
WITH r WHERE size(r.articles) = 0
DELETE r
RETURN count(*) AS removed
