// Graphs written before the newest publication date was kept on the graph state get it once, by
// aggregation.
MERGE (g:GraphState {id: 'graph'})
WITH g
WHERE g.newest_tracked IS NULL
OPTIONAL MATCH (a:Article)
WITH g, max(a.published) AS published
SET g.newest_published = published, g.newest_tracked = true
RETURN count(g) AS migrated
