// The edges one article states, between the nodes it mentions.
MATCH (:Article {id: $id})-[:MENTIONS]->(s)-[r]->(o)
WHERE r.articles IS NOT NULL AND $id IN r.articles
RETURN s.id AS subject_id, coalesce(s.name, s.label, s.text) AS subject_name, type(r) AS type,
       r.role AS role, r.key AS key, r.confidence AS confidence, o.id AS object_id,
       coalesce(o.name, o.label, o.text) AS object_name, labels(o) AS object_labels
ORDER BY subject_id, type, object_id
