// A date of an event on or after $lo: a range seek on the indexed `date`, which this engine
// returns in index order (the caller checks that no earlier date exists before trusting it).
MATCH (v:Event)
WHERE v.date >= $lo AND ($kind IS NULL OR v.kind = $kind)
RETURN v.date AS date
LIMIT 1
