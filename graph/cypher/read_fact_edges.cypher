// The fact edges and participations from one node to another: the facts GET /claims lists.
MATCH (s:__FROM__ {id: $subject})-[r:__FACTS__|PARTICIPATED_IN]->(o:__TO__ {id: $object})
RETURN type(r) AS type, r.role AS role, r.key AS key, r.status AS status, r.articles AS articles,
       r.derived AS derived, r.rule AS rule
ORDER BY type, key
