// Who took part in an event, in which role. The pattern starts from the event: a MERGE scans the
// edges of its left node, and an entity (a country, a mediator) may take part in thousands.
UNWIND $rows AS row
MATCH (v:Event {id: row.event})
MATCH (e:Entity {id: row.entity})
MERGE (v)<-[r:PARTICIPATED_IN {role: row.role}]-(e)
ON CREATE SET r.key = row.key, r.articles = []
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END
RETURN count(r) AS written
