// The latest $limit events an entity took part in or hosted (ids and dates, newest first, undated
// last): the start of the entity's summary once it becomes busy.
MATCH (:Entity {id: $id})-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(v:Event)
WITH DISTINCT v
RETURN v.id AS id, v.date AS date
ORDER BY date IS NULL, date DESC, id
LIMIT $limit
