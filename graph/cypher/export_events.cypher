// Every event with its places and participants, each with the articles that state it.
MATCH (v:Event)<-[:MENTIONS]-(a:Article)
WITH v, collect(a.id) AS articles
OPTIONAL MATCH (v)-[h:HELD_IN]->(p:Entity)
WITH v, articles, collect(CASE WHEN p IS NULL THEN NULL ELSE {place: p.id, articles: h.articles} END) AS places
OPTIONAL MATCH (e:Entity)-[r:PARTICIPATED_IN]->(v)
WITH v, articles, places,
     collect(CASE WHEN e IS NULL THEN NULL
                  ELSE {entity: e.id, role: r.role, articles: r.articles} END) AS participants
RETURN v.id AS id, v.kind AS kind, v.label AS label, v.date AS date,
       v.date_precision AS date_precision, places, participants, articles
ORDER BY id
