// Marks the graph as changed: a new random revision token, read by caches of costly answers, and
// the newest publication date written so far (where newest-first article pages start).
MERGE (g:GraphState {id: 'graph'})
SET g.revision = $revision,
    g.newest_published = CASE
      WHEN g.newest_published IS NULL OR $published > g.newest_published THEN $published
      ELSE g.newest_published END,
    g.newest_tracked = true
RETURN g.revision AS revision
