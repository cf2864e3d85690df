// How many events a timeline lists: of one kind when given, dated within [$date_from, $date_to]
// when either is given (undated events drop out of a date range).
MATCH (v:Event)
WHERE ($kind IS NULL OR v.kind = $kind)
  AND ($date_from IS NULL OR v.date >= $date_from)
  AND ($date_to IS NULL OR v.date <= $date_to)
RETURN count(v) AS total
