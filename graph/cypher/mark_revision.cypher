// Marks the graph as changed: a new random revision token, read by caches of costly answers, and
// the newest article and event dates written so far (where newest-first reads start).
MERGE (g:GraphState {id: 'graph'})
SET g.revision = $revision,
    g.newest_published = CASE
      WHEN g.newest_published IS NULL OR $published > g.newest_published THEN $published
      ELSE g.newest_published END,
    g.newest_event = CASE
      WHEN g.newest_event IS NULL OR $event_date > g.newest_event THEN $event_date
      ELSE g.newest_event END,
    g.dates_tracked = true
RETURN g.revision AS revision
