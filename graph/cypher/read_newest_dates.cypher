// The newest article and event dates written so far (null when unknown). Deletions leave them
// as they were: they are upper bounds, where newest-first reads start.
MATCH (g:GraphState {id: 'graph'})
RETURN g.newest_published AS published, g.newest_event AS event_date
