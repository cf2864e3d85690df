// Marks the graph as changed: a new random revision token, read by caches of costly answers.
MERGE (g:GraphState {id: 'graph'})
SET g.revision = $revision
RETURN g.revision AS revision
