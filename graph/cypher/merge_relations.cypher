// Facts between nodes, one edge per (subject, type, object) listing every article that states it.
// The pattern starts from the subject (see merge_relations_from_object for the other way).
UNWIND $rows AS row
MATCH (s:__FROM__ {id: row.subject})
MATCH (o:__TO__ {id: row.object})
MERGE (s)-[r:__TYPE__]->(o)
ON CREATE SET r.key = row.key, r.articles = [], r.confidence = row.confidence
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END,
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.derived = false
RETURN count(r) AS written
