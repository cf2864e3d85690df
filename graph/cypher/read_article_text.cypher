// One article's metadata and its cleaned text, which the evidence offsets index.
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.source AS source, a.published AS published,
       coalesce(a.text, '') AS text
