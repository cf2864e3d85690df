// Sets each entity's count of the distinct events it took part in, hosted or is joined to by a fact.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.event_count = row.count
RETURN count(n) AS written
