// Paths of CAUSED and PRECEDED edges leading from one event, up to $depth links long.
MATCH p = (:Event {id: $id})-[:CAUSED|PRECEDED*1..10]->(:Event)
WHERE length(p) <= $depth
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {type: type(r), key: r.key, articles: r.articles,
                                 confidence: r.confidence}] AS links
LIMIT $max_paths
