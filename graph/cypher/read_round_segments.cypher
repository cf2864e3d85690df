// The rounds of talks that some article states or announces dated within [$lo, $hi] (both
// included): a range on the indexed `date`, the kind and status checked on the range only.
MATCH (v:Event)
WHERE v.date >= $lo AND v.date <= $hi
WITH v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
RETURN v.id AS id, v.date AS date
