// Events of one kind dated in [lo, hi) for each window, with their places and participants:
// what a new article's mentions of an event are compared with (graph.unify). A range on the
// indexed `date` per window, so only those months are read.
UNWIND $windows AS w
MATCH (v:Event)
WHERE v.date >= w.lo AND v.date < w.hi AND v.kind = w.kind
OPTIONAL MATCH (v)-[:HELD_IN]->(p:Entity)
WITH v, collect(p.id) AS places
OPTIONAL MATCH (e:Entity)-[:PARTICIPATED_IN]->(v)
RETURN v.id AS id, v.kind AS kind, v.date AS date, v.date_precision AS date_precision,
       places, collect(e.id) AS participants
