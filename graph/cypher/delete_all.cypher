// Empties the graph.
MATCH (n)
DETACH DELETE n
