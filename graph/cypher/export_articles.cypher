// Every article's metadata, for the facts export.
MATCH (a:Article)
RETURN a.id AS id, a.published AS published, a.source AS source, a.title AS title
ORDER BY id
