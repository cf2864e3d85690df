// Events dated in [$lo, $hi) after the cursor (date, id), in date order: a range on the indexed
// `date`, so only the window is read and sorted.
MATCH (v:Event)
WHERE v.date >= $lo AND v.date < $hi
  AND ($kind IS NULL OR v.kind = $kind)
  AND ($after_id IS NULL OR v.date > $after_date OR (v.date = $after_date AND v.id > $after_id))
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.confidence AS confidence,
       v.status AS status
ORDER BY date, id
LIMIT $limit
