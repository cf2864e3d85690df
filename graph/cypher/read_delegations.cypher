// The delegations each entity asked for is a member or the head of.
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})-[:MEMBER_OF|LEADS]->(d:Entity)
WHERE d.type = 'Delegation'
RETURN e.id AS id, d.id AS delegation_id, d.name AS delegation_name
ORDER BY id, delegation_id
