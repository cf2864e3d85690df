// Whether an event is dated on or after $lo and before $hi (an existence probe on the index).
MATCH (v:Event)
WHERE v.date >= $lo AND v.date < $hi AND ($kind IS NULL OR v.kind = $kind)
RETURN v.date AS date
LIMIT 1
