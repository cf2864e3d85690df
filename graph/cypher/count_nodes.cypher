// Nodes of one label.
MATCH (n:__FROM__)
RETURN count(n) AS c
