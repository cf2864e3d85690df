// The latest $limit events an entity took part in or hosted (newest first, undated last), and how
// many there are in all. The count and the page are separate reads: sorting only event ids is
// several times cheaper than carrying every event's details through the sort on a hub entity.
MATCH (n:Entity {id: $id})-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(v:Event)
WITH DISTINCT v
ORDER BY v.date IS NULL, v.date DESC, v.id
LIMIT $limit
MATCH (v)-[r:PARTICIPATED_IN|HELD_IN|__FACTS__]-(:Entity {id: $id})
WITH v, collect(DISTINCT CASE WHEN type(r) = 'PARTICIPATED_IN' THEN r.role ELSE type(r) END) AS how
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.status AS status, how
