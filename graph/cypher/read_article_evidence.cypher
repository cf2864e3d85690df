// The sentences one article gave for the facts taken from it, with their status and claimant.
MATCH (ev:Evidence {article: $id})
RETURN ev.fact AS fact, ev.sentence AS sentence, ev.start_char AS start, ev.end_char AS end,
       ev.confidence AS confidence, ev.status AS status, ev.claimant_kind AS claimant_kind,
       ev.claimant_name AS claimant_name, ev.claimant_id AS claimant_id,
       ev.claimant_via AS claimant_via
ORDER BY start, fact
