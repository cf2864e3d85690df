// How many articles and events each entity of $ids has, and whether it keeps a summary.
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
RETURN n.id AS id, n.article_count AS article_count, n.event_count AS event_count,
       n.search_keys AS search_keys,
       n.latest_articles IS NOT NULL AS summarised
