// Where an event took place.
UNWIND $rows AS row
MATCH (v:Event {id: row.event})
MATCH (p:Entity {id: row.place})
MERGE (v)-[r:HELD_IN]->(p)
ON CREATE SET r.key = row.key, r.articles = []
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END
RETURN count(r) AS written
