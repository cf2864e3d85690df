// The newest publication date recomputed from the articles left (after one was deleted).
MERGE (g:GraphState {id: 'graph'})
WITH g
OPTIONAL MATCH (a:Article)
WITH g, max(a.published) AS published
SET g.newest_published = published, g.newest_tracked = true
RETURN g.newest_published AS newest_published
