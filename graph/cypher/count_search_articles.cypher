// How many articles search_articles matches.
MATCH (a:Article)
WHERE toLower(coalesce(a.title, '')) CONTAINS $text
RETURN count(a) AS total
