// $limit of the events an entity took part in or hosted, newest first (undated last), after
// skipping the first $offset. A busy entity keeps its latest events (graph.summaries): when that
// list holds the page, only those events are read; otherwise they are sorted from all the
// entity's edges, ids only (several times cheaper than carrying every event's details through
// the sort). The count is a separate read (count_entity_events).
MATCH (n:Entity {id: $id})
WHERE n.latest_events IS NOT NULL
  AND (size(n.latest_events) >= $offset + $limit OR size(n.latest_events) >= n.event_count)
WITH n.latest_events AS latest
UNWIND latest AS vid
MATCH (v:Event {id: vid})
WITH v
ORDER BY v.date IS NULL, v.date DESC, v.id
SKIP $offset
LIMIT $limit
MATCH (v)-[r:PARTICIPATED_IN|HELD_IN|__FACTS__]-(:Entity {id: $id})
WITH v, collect(DISTINCT {predicate: type(r), role: r.role}) AS links
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.status AS status, links
ORDER BY date IS NULL, date DESC, id
UNION ALL
MATCH (n:Entity {id: $id})
WHERE n.latest_events IS NULL
   OR (size(n.latest_events) < $offset + $limit AND size(n.latest_events) < n.event_count)
MATCH (n)-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(v:Event)
WITH DISTINCT v
ORDER BY v.date IS NULL, v.date DESC, v.id
SKIP $offset
LIMIT $limit
MATCH (v)-[r:PARTICIPATED_IN|HELD_IN|__FACTS__]-(:Entity {id: $id})
WITH v, collect(DISTINCT {predicate: type(r), role: r.role}) AS links
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.status AS status, links
ORDER BY date IS NULL, date DESC, id
