// For each event of $ids: its date and the entities a participation, a place or a fact joins it
// to, read from the event's side (an event has a handful of edges): the pairs an entity's event
// count and latest events are kept from.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})
OPTIONAL MATCH (v)-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(n:Entity)
RETURN v.id AS id, v.date AS date, collect(DISTINCT n.id) AS entities
