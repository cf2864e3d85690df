// The sentences behind the facts asked for (node ids or edge keys), with their articles.
UNWIND $facts AS fact
MATCH (ev:Evidence {fact: fact})
WITH ev, ev.article AS aid
OPTIONAL MATCH (a:Article {id: aid})
RETURN ev.fact AS fact, ev.sentence AS sentence, ev.start_char AS start, ev.end_char AS end,
       ev.confidence AS confidence, ev.article AS article_id, a.title AS title, a.source AS source,
       a.published AS published
ORDER BY fact, published, article_id, start
