// One page of events in date order (undated last), filtered, after the cursor (date, id).
MATCH (v:Event)
WHERE ($date_from IS NULL OR v.date >= $date_from)
  AND ($date_to IS NULL OR v.date <= $date_to)
  AND ($kind IS NULL OR v.kind = $kind)
  AND ($after_id IS NULL
       OR ($after_date IS NOT NULL
           AND (v.date > $after_date OR (v.date = $after_date AND v.id > $after_id) OR v.date IS NULL))
       OR ($after_date IS NULL AND v.date IS NULL AND v.id > $after_id))
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.confidence AS confidence,
       v.status AS status
ORDER BY v.date IS NULL, v.date, v.id
LIMIT $limit
