// One hop of event chains: the CAUSED and PRECEDED edges into the events of $back and out of
// the events of $forward, with the event at the other end.
UNWIND $back AS vid
MATCH (v:Event {id: vid})<-[r:CAUSED|PRECEDED]-(o:Event)
RETURN 'back' AS side, o.id AS source, v.id AS target, o.id AS other_id, type(r) AS type,
       r.key AS key, r.articles AS articles, r.confidence AS confidence,
       r.status AS status, r.derived AS derived, r.rule AS rule
UNION ALL
UNWIND $forward AS vid
MATCH (v:Event {id: vid})-[r:CAUSED|PRECEDED]->(o:Event)
RETURN 'forward' AS side, v.id AS source, o.id AS target, o.id AS other_id, type(r) AS type,
       r.key AS key, r.articles AS articles, r.confidence AS confidence,
       r.status AS status, r.derived AS derived, r.rule AS rule
