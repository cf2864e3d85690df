// Articles whose title holds $text (lower case), newest first (undated last): one page.
MATCH (a:Article)
WHERE toLower(coalesce(a.title, '')) CONTAINS $text
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY a.published IS NULL, a.published DESC, a.id
SKIP $offset
LIMIT $limit
