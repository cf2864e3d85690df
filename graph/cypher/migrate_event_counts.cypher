// Entities of graphs written before the event count was kept get it from their edges, once.
MATCH (n:Entity)
WHERE n.event_count IS NULL
OPTIONAL MATCH (n)-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(v:Event)
WITH n, count(DISTINCT v) AS total
SET n.event_count = total
RETURN count(n) AS migrated
