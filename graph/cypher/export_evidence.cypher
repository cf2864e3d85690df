// Every evidence sentence with its fact key, article and character offsets, for the export.
MATCH (ev:Evidence)
RETURN ev.fact AS fact, ev.article AS article, ev.sentence AS sentence,
       ev.start_char AS start_char, ev.end_char AS end_char, ev.confidence AS confidence
ORDER BY fact, article, start_char
