// The keys of the facts one article gave sentences for (read before it is retracted).
MATCH (ev:Evidence {article: $article})
RETURN DISTINCT ev.fact AS fact
