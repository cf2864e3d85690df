// Deletes the evidence sentences one article gave.
MATCH (ev:Evidence {article: $article})
DELETE ev
RETURN count(*) AS removed
