// Sets the summary kept on busy entities: the latest articles and events, ids and dates in order.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.latest_articles = row.articles, n.latest_article_dates = row.article_dates,
    n.latest_events = row.events, n.latest_event_dates = row.event_dates
RETURN count(n) AS written
