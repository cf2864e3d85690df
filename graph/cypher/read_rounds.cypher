// Rounds of talks in date order (undated last) with place, mediators, hosts and attendees.
MATCH (v:Event {kind: 'talks'})
WHERE ($date_from IS NULL OR v.date >= $date_from) AND ($date_to IS NULL OR v.date <= $date_to)
OPTIONAL MATCH (v)-[:HELD_IN]->(p:Entity)
WITH v, head(collect({id: p.id, name: p.name, type: p.type})) AS place
OPTIONAL MATCH (e:Entity)-[r:PARTICIPATED_IN|ATTENDED|MEDIATED]->(v)
WITH v, place, collect({id: e.id, name: e.name, type: e.type, edge: type(r), role: r.role}) AS participants
OPTIONAL MATCH (m:Entity)-[:MEMBER_OF|LEADS]->(d:Entity)-[r:PARTICIPATED_IN|ATTENDED]->(v)
WHERE type(r) = 'ATTENDED' OR r.role = 'attendee'
RETURN v.id AS id, v.label AS label, v.date AS date, v.date_precision AS date_precision,
       place, participants, collect(DISTINCT m.id) AS members
ORDER BY v.date IS NULL, v.date, v.id
LIMIT $limit
