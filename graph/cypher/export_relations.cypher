// Every stated fact edge of one type with its ends and first evidence sentence, for the facts export.
MATCH (s:__FROM__)-[r:__TYPE__]->(o:__TO__)
WHERE r.derived IS NULL OR r.derived = false
OPTIONAL MATCH (ev:Evidence {fact: r.key})
WITH s, r, o, ev ORDER BY ev.article, ev.start_char
WITH s, r, o, collect(ev.sentence) AS sentences
RETURN s.id AS subject, o.id AS object, o.text AS object_text, r.articles AS articles,
       r.status AS status, r.statuses AS statuses, sentences[0] AS evidence
ORDER BY subject, object
