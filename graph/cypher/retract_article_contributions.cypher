// Recomputes what the other articles give each entity one article mentions (name and type from
// the earliest written, aliases, roles, search keys, confidence), so the article's own
// contribution goes with it. An entity that an article written before contributions were kept
// on MENTIONS also names is left as it is.
MATCH (:Article {id: $article})-[:MENTIONS]->(n:Entity)
WITH n, [(n)<-[x:MENTIONS]-(b:Article) WHERE b.id <> $article | x] AS others
WHERE size(others) > 0 AND all(x IN others WHERE x.seq IS NOT NULL)
WITH n, others, reduce(s = null, x IN others | CASE WHEN s IS NULL OR x.seq < s THEN x.seq ELSE s END) AS first
WITH n, others, [x IN others WHERE x.seq = first][0] AS earliest
SET n.name = earliest.name,
    n.type = earliest.type,
    n.aliases = reduce(acc = [], x IN others | acc + [y IN x.aliases WHERE NOT y IN acc]),
    n.roles = reduce(acc = [], x IN others | acc + [y IN x.roles WHERE NOT y IN acc]),
    n.search_keys = reduce(acc = [], x IN others | acc + [y IN x.search_keys WHERE NOT y IN acc]),
    n.confidence = reduce(best = 0.0, x IN others |
                          CASE WHEN x.confidence > best THEN x.confidence ELSE best END)
RETURN count(n) AS recomputed
