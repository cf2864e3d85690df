// The members and heads of each delegation asked for.
UNWIND $ids AS gid
MATCH (g:Entity {id: gid})
WHERE g.type = 'Delegation'
MATCH (g)<-[:MEMBER_OF|LEADS]-(m:Entity)
RETURN gid AS id, collect(DISTINCT m.id) AS members
