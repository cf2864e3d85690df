// Articles published in [$lo, $hi), newest first: a range on the indexed `published`, so only
// the window is read and sorted.
MATCH (a:Article)
WHERE a.published >= $lo AND a.published < $hi AND ($source IS NULL OR a.source = $source)
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, a.author AS author,
       a.published AS published
ORDER BY published DESC, id
LIMIT $limit
