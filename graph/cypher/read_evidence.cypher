// The sentences behind the facts asked for (node ids or edge keys), with their articles, the
// status each article gives the fact and the claimant each sentence attributes it to.
UNWIND $facts AS fact
MATCH (ev:Evidence {fact: fact})
WITH ev, ev.article AS aid
OPTIONAL MATCH (a:Article {id: aid})
RETURN ev.fact AS fact, ev.sentence AS sentence, ev.start_char AS start, ev.end_char AS end,
       ev.confidence AS confidence, ev.status AS status, ev.claimant_kind AS claimant_kind,
       ev.claimant_name AS claimant_name, ev.claimant_id AS claimant_id,
       ev.claimant_via AS claimant_via, ev.article AS article_id, a.title AS title,
       a.source AS source, a.published AS published, a.content_hash AS content_hash
ORDER BY fact, published, article_id, start
