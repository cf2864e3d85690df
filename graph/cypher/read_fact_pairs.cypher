// Which of the fact edges $pairs (subject, type, object) from an entity to a node of one label
// exist, read from the object's side (graph.relation_summaries).
UNWIND $pairs AS p
MATCH (o:__TO__ {id: p.object})<-[r:__FACTS__]-(s:Entity {id: p.subject})
WHERE type(r) = p.type
RETURN p.subject AS subject, p.type AS type, p.object AS object
