// One event's own properties.
MATCH (v:Event {id: $id})
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.confidence AS confidence,
       v.status AS status
