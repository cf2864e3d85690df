// The fact edges of one node in both directions, with the node at the other end: at most
// $max_rows each way after skipping $skip_out outgoing and $skip_in incoming ones, edges to
// undated nodes first, then to the newest.
MATCH (n:__FROM__ {id: $id})-[r:__FACTS__]->(o)
RETURN 'out' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
ORDER BY other_date IS NOT NULL, other_date DESC, other_id, type
SKIP $skip_out
LIMIT $max_rows
UNION ALL
MATCH (n:__FROM__ {id: $id})<-[r:__FACTS__]-(o)
RETURN 'in' AS direction, type(r) AS type, r.key AS key, r.articles AS articles,
       r.confidence AS confidence, r.status AS status, r.derived AS derived, r.rule AS rule,
       o.id AS other_id, labels(o) AS other_labels,
       coalesce(o.name, o.label, o.text) AS other_name, o.type AS other_type, o.kind AS other_kind,
       o.date AS other_date, o.date_precision AS other_precision
ORDER BY other_date IS NOT NULL, other_date DESC, other_id, type
SKIP $skip_in
LIMIT $max_rows
