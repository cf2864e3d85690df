// The events a fact joins to the events of $ids (read from their side: an event has a handful of
// edges): the answers about them list these events by date, so a re-dated event touches them.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})-[:__FACTS__]-(o:Event)
RETURN collect(DISTINCT o.id) AS ids
