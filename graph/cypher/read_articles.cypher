// Articles published before $before (every dated one when null), newest first, then the
// undated ones by id. One page.
MATCH (a:Article)
WHERE ($source IS NULL OR a.source = $source)
  AND (a.published IS NULL OR $before IS NULL OR a.published < $before)
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY a.published IS NULL, a.published DESC, a.id
SKIP $offset
LIMIT $limit
