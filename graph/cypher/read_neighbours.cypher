// The edges of the given types around the given nodes, with the node at the other end.
UNWIND $ids AS nid
MATCH (n:__FROM__ {id: nid})-[r]->(o)
WHERE type(r) IN $types
RETURN n.id AS source, o.id AS target, type(r) AS type, r.role AS role, r.articles AS articles,
       r.key AS key, r.derived AS derived, r.rule AS rule, r.status AS status,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text, o.title) AS other_name,
       coalesce(o.type, o.kind, o.source) AS other_type, coalesce(o.date, o.published) AS other_date,
       o.date_precision AS other_precision
LIMIT $max_rows
UNION ALL
UNWIND $ids AS nid
MATCH (n:__FROM__ {id: nid})<-[r]-(o)
WHERE type(r) IN $types
RETURN o.id AS source, n.id AS target, type(r) AS type, r.role AS role, r.articles AS articles,
       r.key AS key, r.derived AS derived, r.rule AS rule, r.status AS status,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text, o.title) AS other_name,
       coalesce(o.type, o.kind, o.source) AS other_type, coalesce(o.date, o.published) AS other_date,
       o.date_precision AS other_precision
LIMIT $max_rows
