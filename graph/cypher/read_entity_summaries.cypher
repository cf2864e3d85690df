// The counts of each entity of $ids and, for the busy ones, the summary the writer keeps: the
// latest articles and events (ids and dates, newest first).
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
RETURN n.id AS id, n.article_count AS article_count, n.event_count AS event_count,
       n.search_keys AS search_keys,
       n.latest_articles AS articles, n.latest_article_dates AS article_dates,
       n.latest_events AS events, n.latest_event_dates AS event_dates
