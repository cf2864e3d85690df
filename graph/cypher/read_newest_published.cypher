// The newest publication date written so far (null when unknown). Deletions leave it as it was:
// it is an upper bound, where newest-first article pages start.
MATCH (g:GraphState {id: 'graph'})
RETURN g.newest_published AS published
