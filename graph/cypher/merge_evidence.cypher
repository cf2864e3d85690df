// The sentence behind each fact, per article, with its character offsets, the status the article
// gives the fact and the claimant the sentence attributes it to (none: the article's own voice).
UNWIND $rows AS row
MERGE (ev:Evidence {id: row.id})
SET ev.fact = row.fact, ev.article = row.article, ev.sentence = row.sentence,
    ev.start_char = row.start_char, ev.end_char = row.end_char, ev.confidence = row.confidence,
    ev.status = row.status, ev.claimant_kind = row.claimant_kind,
    ev.claimant_name = row.claimant_name, ev.claimant_id = row.claimant_id,
    ev.claimant_via = row.claimant_via
RETURN count(ev) AS written
