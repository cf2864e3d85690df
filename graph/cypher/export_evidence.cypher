// Every evidence sentence with its fact key, article, character offsets, status and claimant.
MATCH (ev:Evidence)
RETURN ev.fact AS fact, ev.article AS article, ev.sentence AS sentence,
       ev.start_char AS start_char, ev.end_char AS end_char, ev.confidence AS confidence,
       ev.status AS status, ev.claimant_kind AS claimant_kind, ev.claimant_name AS claimant_name,
       ev.claimant_id AS claimant_id, ev.claimant_via AS claimant_via
ORDER BY fact, article, start_char
