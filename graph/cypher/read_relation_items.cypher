// The fact edges between one entity and the nodes of each list, read by the other end (an event's
// side, an entity's or an issue's incoming edges; the entity's own incoming ones for entities
// pointing to it): the kept first page of a busy entity's relations (graph.relation_summaries).
UNWIND $out_events AS oid
MATCH (o:Event {id: oid})<-[r:__FACTS__]-(n:Entity {id: $id})
RETURN 'out' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
UNION ALL
UNWIND $out_entities AS oid
MATCH (o:Entity {id: oid})<-[r:__FACTS__]-(n:Entity {id: $id})
RETURN 'out' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
UNION ALL
UNWIND $out_issues AS oid
MATCH (o:Issue {id: oid})<-[r:__FACTS__]-(n:Entity {id: $id})
RETURN 'out' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
UNION ALL
UNWIND $in_events AS oid
MATCH (o:Event {id: oid})-[r:__FACTS__]->(n:Entity {id: $id})
RETURN 'in' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
UNION ALL
UNWIND $in_entities AS oid
MATCH (n:Entity {id: $id})<-[r:__FACTS__]-(o:Entity {id: oid})
RETURN 'in' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
