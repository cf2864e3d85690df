// The graph's revision token (null before the first write).
MATCH (g:GraphState {id: 'graph'})
RETURN g.revision AS revision
