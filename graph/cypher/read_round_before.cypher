// The last orderable round of talks dated in [$floor, $lo): the round just before a stretch of
// the sequence, when the window holds one ('' as floor: no lower bound).
MATCH (v:Event)
WHERE v.date < $lo AND v.date >= $floor
WITH v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
RETURN v.id AS id, v.date AS date
ORDER BY date DESC, id DESC
LIMIT 1
