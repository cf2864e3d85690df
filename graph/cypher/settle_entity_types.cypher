// An entity's type is the one most of its articles give it, not the first one written: an
// article that reads 'Norland' as an organization is outvoted by the ones that read a
// country. Ties go to the type given first (seq). Only entities a row gives another type are
// counted again, so a load whose articles agree reads no MENTIONS edge here.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WHERE n.type <> row.type
MATCH (n)<-[x:MENTIONS]-(:Article)
WITH n, x.type AS type, count(x) AS votes, min(coalesce(x.seq, 0)) AS first
ORDER BY votes DESC, first
WITH n, collect(type) AS types
SET n.type = types[0]
RETURN count(n) AS settled
