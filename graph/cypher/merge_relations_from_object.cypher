// Facts between nodes, one edge per (subject, type, object) listing every article that states it
// and, in `statuses` and `confidences` beside `articles`, how each presents it and how surely;
// `status` is the fact's across them, `confidence` the highest.
// The pattern starts from the object, for objects with fewer edges than their subjects (an event,
// an issue): a MERGE scans the edges of its left node.
UNWIND $rows AS row
MATCH (o:__TO__ {id: row.object})
MATCH (s:__FROM__ {id: row.subject})
MERGE (o)<-[r:__TYPE__]-(s)
ON CREATE SET r.key = row.key, r.articles = [], r.statuses = [], r.confidences = [],
              r.confidence = row.confidence
SET r.statuses = coalesce(r.statuses, [x IN r.articles | $stated])
                 + CASE WHEN row.article IN r.articles THEN [] ELSE [row.status] END,
    r.confidences = CASE WHEN row.article IN r.articles THEN r.confidences
                         WHEN r.confidences IS NULL AND size(r.articles) > 0 THEN NULL
                         ELSE coalesce(r.confidences, []) + row.confidence END
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END,
    r.confidence = CASE WHEN row.confidence > r.confidence THEN row.confidence ELSE r.confidence END,
    r.derived = false
WITH r, r.statuses AS claims
SET r.status = __STATUS__
RETURN count(r) AS written
