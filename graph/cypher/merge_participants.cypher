// Who took part in an event, in which role.
UNWIND $rows AS row
MATCH (e:Entity {id: row.entity})
MATCH (v:Event {id: row.event})
MERGE (e)-[r:PARTICIPATED_IN {role: row.role}]->(v)
ON CREATE SET r.key = row.key, r.articles = []
SET r.articles = CASE WHEN row.article IN r.articles THEN r.articles ELSE r.articles + row.article END
RETURN count(r) AS written
