// How many events an entity took part in or hosted, and the latest $limit of them (newest first,
// undated last), with how.
MATCH (n:Entity {id: $id})-[r]-(v:Event)
WITH v, collect(DISTINCT CASE WHEN type(r) = 'PARTICIPATED_IN' THEN r.role ELSE type(r) END) AS how
ORDER BY v.date IS NULL, v.date DESC, v.id
WITH collect({id: v.id, kind: v.kind, label: v.label, date: v.date,
              date_precision: v.date_precision, how: how}) AS events
RETURN size(events) AS total, events[0..$limit] AS events
