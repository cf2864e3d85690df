// Per span, the last orderable round of talks dated in [floor, lo): the round just before the
// span when the window holds one ('' as floor: no lower bound).
UNWIND $spans AS s
MATCH (v:Event)
WHERE v.date < s.lo AND v.date >= s.floor
WITH s, v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
WITH s, v
ORDER BY v.date DESC, v.id DESC
WITH s, head(collect(v)) AS v
RETURN s.i AS span, v.id AS id, v.date AS date
