// The first orderable round of talks dated in ($hi, $ceil): the round just after a stretch of the
// sequence, when the window holds one.
MATCH (v:Event)
WHERE v.date > $hi AND v.date < $ceil
WITH v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
RETURN v.id AS id, v.date AS date
ORDER BY date, id
LIMIT 1
