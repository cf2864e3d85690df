// Removes the derived PRECEDED edges into each round of $ids, before its stretch is relinked.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})<-[r:PRECEDED]-(:Event)
WHERE r.derived = true
DELETE r
RETURN count(*) AS removed
