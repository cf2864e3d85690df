// Recomputes what the other articles give each entity one article mentions, in the order they
// were written (seq), as a load in that order would have set it: name from the earliest, type
// the one most of them give (ties to the earliest), aliases, roles and search keys unioned in
// order, the highest confidence. So the
// article's own contribution goes with it. An entity that an article written before
// contributions were kept on MENTIONS also names is left as it is.
MATCH (:Article {id: $article})-[:MENTIONS]->(n:Entity)
MATCH (n)<-[x:MENTIONS]-(b:Article)
WHERE b.id <> $article
WITH n, x ORDER BY x.seq
WITH n, collect(x) AS others
WHERE all(x IN others WHERE x.seq IS NOT NULL)
WITH n, others, others[0] AS earliest
WITH n, others, earliest,
     reduce(best = earliest.type, t IN [x IN others | x.type] |
            CASE WHEN size([y IN others WHERE y.type = t])
                      > size([y IN others WHERE y.type = best]) THEN t ELSE best END) AS voted
SET n.name = earliest.name,
    n.type = voted,
    n.aliases = reduce(acc = [], x IN others | acc + [y IN x.aliases WHERE NOT y IN acc]),
    n.roles = reduce(acc = [], x IN others | acc + [y IN x.roles WHERE NOT y IN acc]),
    n.search_keys = reduce(acc = [], x IN others | acc + [y IN x.search_keys WHERE NOT y IN acc]),
    n.confidence = reduce(best = 0.0, x IN others |
                          CASE WHEN x.confidence > best THEN x.confidence ELSE best END)
RETURN count(n) AS recomputed
