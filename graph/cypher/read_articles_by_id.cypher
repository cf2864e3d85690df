// The metadata of the articles asked for.
UNWIND $ids AS aid
MATCH (a:Article {id: aid})
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY published IS NULL, published, id
