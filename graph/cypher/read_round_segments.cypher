// The rounds of talks that some article states or announces dated within each span [lo, hi]
// (both included): a range on the indexed `date`, the kind and status checked on the range only.
UNWIND $spans AS s
MATCH (v:Event)
WHERE v.date >= s.lo AND v.date <= s.hi
WITH s, v
WHERE v.kind = $kind AND coalesce(v.status, $stated) IN $orderable
RETURN s.i AS span, v.id AS id, v.date AS date
