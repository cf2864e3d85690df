// The roll call of one round: who attended, directly or as a member of a delegation that attended.
MATCH (v:Event {id: $id})<-[r:PARTICIPATED_IN|ATTENDED]-(e:Entity)
WHERE type(r) = 'ATTENDED' OR r.role = 'attendee'
RETURN e.id AS id, e.name AS name, e.type AS type, e.roles AS roles, type(r) AS edge,
       r.role AS role, r.key AS key, r.articles AS articles, null AS via_id, null AS via_name
UNION ALL
MATCH (v:Event {id: $id})<-[r:PARTICIPATED_IN|ATTENDED]-(d:Entity)
WHERE d.type = 'Delegation' AND (type(r) = 'ATTENDED' OR r.role = 'attendee')
MATCH (d)<-[mr:MEMBER_OF|LEADS]-(m:Entity)
RETURN m.id AS id, m.name AS name, m.type AS type, m.roles AS roles, type(mr) AS edge,
       null AS role, mr.key AS key, mr.articles AS articles, d.id AS via_id, d.name AS via_name
