// The fact edges between the events of $ids and the entities of $busy, read from the events' side
// (an event has a handful of edges): each with its direction as the entity sees it, and the
// event's date (graph.relation_summaries).
UNWIND $ids AS vid
MATCH (v:Event {id: vid})<-[r:__FACTS__]-(n:Entity)
WHERE n.id IN $busy
RETURN v.id AS event, v.date AS date, type(r) AS type, 'out' AS direction, n.id AS entity
UNION ALL
UNWIND $ids AS vid
MATCH (v:Event {id: vid})-[r:__FACTS__]->(n:Entity)
WHERE n.id IN $busy
RETURN v.id AS event, v.date AS date, type(r) AS type, 'in' AS direction, n.id AS entity
