// Events stated by articles; a finer date from a later article replaces a coarser one. Each
// article's status of the event is on its MENTIONS edge; the event's own is computed from them all.
// The edge also keeps the article's label, date and confidence, and when it was written (seq), so
// that retracting the article can take them back.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (v:Event {id: row.id})
ON CREATE SET v.kind = row.kind, v.label = row.label, v.article_count = 0, v.confidence = row.confidence
SET v.date = CASE WHEN row.date IS NOT NULL AND (v.date IS NULL OR row.precision_rank < v.precision_rank)
                  THEN row.date ELSE v.date END,
    v.date_precision = CASE WHEN row.date IS NOT NULL AND (v.date IS NULL OR row.precision_rank < v.precision_rank)
                  THEN row.date_precision ELSE v.date_precision END,
    v.precision_rank = CASE WHEN row.date IS NOT NULL AND (v.date IS NULL OR row.precision_rank < v.precision_rank)
                  THEN row.precision_rank ELSE v.precision_rank END,
    v.confidence = CASE WHEN row.confidence > v.confidence THEN row.confidence ELSE v.confidence END
MERGE (a)-[m:MENTIONS]->(v)
ON CREATE SET v.article_count = v.article_count + 1
SET m.status = row.status, m.label = row.label, m.date = row.date,
    m.date_precision = row.date_precision, m.precision_rank = row.precision_rank,
    m.confidence = row.confidence, m.seq = row.seq
WITH v, [(v)<-[x:MENTIONS]-(:Article) | coalesce(x.status, $stated)] AS claims
SET v.status = __STATUS__
RETURN count(v) AS written
