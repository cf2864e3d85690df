// Deletes one recorded change (graph.changes keeps only the latest ones).
MATCH (c:GraphState {id: $id})
DELETE c
