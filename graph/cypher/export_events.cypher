// Every event with its places and participants, each with the articles that state it, and each
// article's status of the event.
MATCH (v:Event)<-[m:MENTIONS]-(a:Article)
WITH v, collect(a.id) AS articles, collect({article: a.id, status: m.status}) AS claims
OPTIONAL MATCH (v)-[h:HELD_IN]->(p:Entity)
WITH v, articles, claims, collect(CASE WHEN p IS NULL THEN NULL ELSE {place: p.id, articles: h.articles} END) AS places
OPTIONAL MATCH (e:Entity)-[r:PARTICIPATED_IN]->(v)
WITH v, articles, claims, places,
     collect(CASE WHEN e IS NULL THEN NULL
                  ELSE {entity: e.id, role: r.role, articles: r.articles} END) AS participants
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, v.status AS status, places, participants, articles, claims
ORDER BY id
