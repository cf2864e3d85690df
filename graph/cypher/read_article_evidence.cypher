// The sentences one article gave for the facts taken from it.
MATCH (ev:Evidence {article: $id})
RETURN ev.fact AS fact, ev.sentence AS sentence, ev.start_char AS start, ev.end_char AS end,
       ev.confidence AS confidence
ORDER BY start, fact
