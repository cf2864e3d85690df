// Rounds of talks in date order (undated last) with place and participants, one page.
MATCH (v:Event {kind: 'talks'})
WHERE ($date_from IS NULL OR v.date >= $date_from) AND ($date_to IS NULL OR v.date <= $date_to)
WITH v
ORDER BY v.date IS NULL, v.date, v.id
LIMIT $limit
OPTIONAL MATCH (v)-[:HELD_IN]->(p:Entity)
WITH v, head(collect({id: p.id, name: p.name, type: p.type})) AS place
OPTIONAL MATCH (v)<-[r:PARTICIPATED_IN|ATTENDED|MEDIATED]-(e:Entity)
RETURN v.id AS id, v.label AS label, v.date AS date, v.date_precision AS date_precision, place,
       collect({id: e.id, name: e.name, type: e.type, edge: type(r), role: r.role}) AS participants
ORDER BY date IS NULL, date, id
