// The sentence behind each fact, per article, with its character offsets.
UNWIND $rows AS row
MERGE (ev:Evidence {id: row.id})
SET ev.fact = row.fact, ev.article = row.article, ev.sentence = row.sentence,
    ev.start_char = row.start_char, ev.end_char = row.end_char, ev.confidence = row.confidence
RETURN count(ev) AS written
