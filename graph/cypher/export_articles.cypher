// Every article's metadata and cleaned text, for the facts export (and a backup of the graph).
MATCH (a:Article)
RETURN a.id AS id, a.published AS published, a.source AS source, a.title AS title,
       a.url AS url, a.author AS author, a.content_hash AS content_hash, a.text AS text
ORDER BY id
