// The first statement of a write that looks up the events it unifies with (graph.unify): it
// writes the graph's state node, so two such writes take turns (or one is retried) and each
// looks up the events the other wrote. Returns the graph's revision, which tells whether
// another writer wrote since this one's last write.
MERGE (g:GraphState {id: 'graph'})
SET g.write_turns = coalesce(g.write_turns, 0) + 1
RETURN g.revision AS revision
