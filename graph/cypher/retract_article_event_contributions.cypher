// Recomputes what the other articles give each event one article mentions, as if the article had
// never been written: the label of the earliest written mention, the finest date (the earliest
// written among equally fine ones) and the highest confidence. An event that an article written
// before these were kept on MENTIONS also names is left as it is.
MATCH (:Article {id: $article})-[:MENTIONS]->(v:Event)
WITH v, [(v)<-[x:MENTIONS]-(b:Article) WHERE b.id <> $article | x] AS others
WHERE size(others) > 0 AND all(x IN others WHERE x.seq IS NOT NULL)
WITH v, others, [x IN others WHERE x.date IS NOT NULL] AS dated,
     reduce(s = null, x IN others | CASE WHEN s IS NULL OR x.seq < s THEN x.seq ELSE s END) AS first
WITH v, others, dated, first,
     reduce(r = null, x IN dated | CASE WHEN r IS NULL OR x.precision_rank < r THEN x.precision_rank ELSE r END) AS finest
WITH v, others, first, [x IN dated WHERE x.precision_rank = finest] AS finest_dated
WITH v, others, first, finest_dated,
     reduce(s = null, x IN finest_dated | CASE WHEN s IS NULL OR x.seq < s THEN x.seq ELSE s END) AS dated_first
WITH v, others, [x IN others WHERE x.seq = first][0] AS earliest,
     [x IN finest_dated WHERE x.seq = dated_first][0] AS chosen
SET v.label = earliest.label,
    v.date = chosen.date,
    v.date_precision = chosen.date_precision,
    v.precision_rank = chosen.precision_rank,
    v.confidence = reduce(best = 0.0, x IN others |
                          CASE WHEN x.confidence > best THEN x.confidence ELSE best END)
RETURN count(v) AS recomputed
