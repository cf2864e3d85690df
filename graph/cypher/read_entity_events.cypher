// The events an entity took part in or hosted, in date order (undated last), with how.
MATCH (n:Entity {id: $id})-[r]-(v:Event)
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision,
       collect(DISTINCT CASE WHEN type(r) = 'PARTICIPATED_IN' THEN r.role ELSE type(r) END) AS how
ORDER BY date IS NULL, date, id
