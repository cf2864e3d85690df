// The events asked for, with their own properties.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.status AS status
