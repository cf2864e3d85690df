// The graph's revision token and the number of the last change recorded (graph.changes), read
// together so that a cache knows which changes lead to this revision.
MATCH (g:GraphState {id: 'graph'})
RETURN g.revision AS revision, g.change_seq AS seq
