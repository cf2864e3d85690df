// The counts of each entity of $ids and, for the busy ones, the summary the writer keeps: the
// latest articles and events (ids and dates, newest first) and the first fact edges each way.
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
RETURN n.id AS id, n.article_count AS article_count, n.event_count AS event_count,
       n.search_keys AS search_keys,
       n.latest_articles AS articles, n.latest_article_dates AS article_dates,
       n.latest_events AS events, n.latest_event_dates AS event_dates,
       n.fact_out AS fact_out, n.fact_in AS fact_in,
       n.latest_out AS latest_out, n.latest_out_dates AS latest_out_dates,
       n.latest_in AS latest_in, n.latest_in_dates AS latest_in_dates
