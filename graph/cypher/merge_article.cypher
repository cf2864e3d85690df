// One row per article; replaces the article's own metadata.
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.source = row.source, a.url = row.url, a.author = row.author,
    a.published = row.published, a.content_hash = row.content_hash, a.text = row.text
RETURN count(a) AS written
