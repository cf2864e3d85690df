// Edges of every type.
MATCH ()-[r]->()
RETURN count(r) AS c
