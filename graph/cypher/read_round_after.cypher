// Per span, the first orderable round of talks dated in (hi, ceil): the round just after the
// span when the window holds one.
UNWIND $spans AS s
MATCH (v:Event)
WHERE v.date > s.hi AND v.date < s.ceil
WITH s, v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
WITH s, v
ORDER BY v.date, v.id
WITH s, head(collect(v)) AS v
RETURN s.i AS span, v.id AS id, v.date AS date
