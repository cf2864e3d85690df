// How many events of one entity a timeline lists, filtered as read_timeline_actor filters them.
MATCH (:Entity {id: $actor})--(v:Event)
WITH DISTINCT v
WHERE ($date_from IS NULL OR v.date >= $date_from)
  AND ($date_to IS NULL OR v.date <= $date_to)
  AND ($kind IS NULL OR v.kind = $kind)
RETURN count(v) AS total
