// The earliest event date on or after $lo, by aggregation (reads every later event).
MATCH (v:Event)
WHERE v.date >= $lo AND ($kind IS NULL OR v.kind = $kind)
RETURN min(v.date) AS date
