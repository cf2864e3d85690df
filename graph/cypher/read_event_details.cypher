// Place, participants and source articles of each event asked for.
UNWIND $ids AS vid
MATCH (v:Event {id: vid})
OPTIONAL MATCH (v)-[:HELD_IN]->(p:Entity)
WITH v, head(collect({id: p.id, name: p.name, type: p.type})) AS place
OPTIONAL MATCH (v)<-[r:PARTICIPATED_IN|ATTENDED|MEDIATED]-(e:Entity)
WITH v, place,
     collect({id: e.id, name: e.name, type: e.type, edge: type(r), role: r.role}) AS participants
OPTIONAL MATCH (v)<-[:MENTIONS]-(a:Article)
RETURN v.id AS id, place, participants,
       collect({id: a.id, title: a.title, source: a.source, published: a.published}) AS articles
