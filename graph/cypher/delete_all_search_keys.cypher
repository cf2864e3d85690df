// Removes every SearchKey node, before they are made again from the entities.
MATCH (k:SearchKey)
DELETE k
RETURN count(*) AS removed
