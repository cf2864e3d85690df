// Undated events after the cursor id, in id order (the end of the timeline).
MATCH (v:Event)
WHERE v.date IS NULL
  AND ($kind IS NULL OR v.kind = $kind)
  AND ($after_id IS NULL OR v.id > $after_id)
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.confidence AS confidence,
       v.status AS status
ORDER BY id
LIMIT $limit
