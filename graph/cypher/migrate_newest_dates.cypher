// Graphs written before the newest dates were kept on the graph state get them once, by
// aggregation.
MERGE (g:GraphState {id: 'graph'})
WITH g
WHERE g.dates_tracked IS NULL
OPTIONAL MATCH (a:Article)
WITH g, max(a.published) AS published
OPTIONAL MATCH (v:Event)
WITH g, published, max(v.date) AS event_date
SET g.newest_published = published, g.newest_event = event_date, g.dates_tracked = true
RETURN count(g) AS migrated
