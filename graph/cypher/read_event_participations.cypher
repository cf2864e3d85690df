// Who took part in one event, in which role, with the key of each participation fact.
MATCH (v:Event {id: $id})<-[r:PARTICIPATED_IN|ATTENDED|MEDIATED]-(e:Entity)
RETURN e.id AS id, e.name AS name, e.type AS type, type(r) AS edge, r.role AS role, r.key AS key,
       r.articles AS articles
ORDER BY id
