// Recomputes what the other articles give each entity one article mentions (aliases, roles,
// search keys, confidence), so the article's own contribution goes with it. An entity that an
// article written before contributions were kept on MENTIONS also names is left as it is.
MATCH (:Article {id: $article})-[:MENTIONS]->(n:Entity)
WITH n, [(n)<-[x:MENTIONS]-(b:Article) WHERE b.id <> $article | x] AS others
WHERE size(others) > 0 AND all(x IN others WHERE x.aliases IS NOT NULL)
SET n.aliases = reduce(acc = [], x IN others | acc + [y IN x.aliases WHERE NOT y IN acc]),
    n.roles = reduce(acc = [], x IN others | acc + [y IN x.roles WHERE NOT y IN acc]),
    n.search_keys = reduce(acc = [], x IN others | acc + [y IN x.search_keys WHERE NOT y IN acc]),
    n.confidence = reduce(best = 0.0, x IN others |
                          CASE WHEN x.confidence > best THEN x.confidence ELSE best END)
RETURN count(n) AS recomputed
