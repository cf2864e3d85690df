// Every event with its place and participants, for the facts export.
MATCH (v:Event)
OPTIONAL MATCH (v)-[:HELD_IN]->(p:Entity)
WITH v, p.id AS place
OPTIONAL MATCH (e:Entity)-[r:PARTICIPATED_IN]->(v)
WITH v, place, collect(CASE WHEN e IS NULL THEN NULL ELSE {entity: e.id, role: r.role} END) AS participants
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, place, participants, v.articles AS articles
ORDER BY id
