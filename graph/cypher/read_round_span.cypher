// The rounds of talks among $ids, each with its date and the dates of the rounds its derived
// PRECEDED edges join it to: the stretch of the sequence a write to those rounds can change.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})
WITH v
WHERE v.kind = $kind
OPTIONAL MATCH (v)-[r:PRECEDED]-(o:Event)
WHERE r.derived = true
RETURN v.id AS id, v.date AS date, collect(o.date) AS neighbours
