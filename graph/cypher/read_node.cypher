// The node of any label with this id, summarised for a graph view.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, 'Entity' AS label, n.name AS name, n.type AS type, null AS date,
       null AS date_precision
UNION ALL
MATCH (n:Event {id: $id})
RETURN n.id AS id, 'Event' AS label, n.label AS name, n.kind AS type, n.date AS date,
       n.date_precision AS date_precision
UNION ALL
MATCH (n:Issue {id: $id})
RETURN n.id AS id, 'Issue' AS label, n.text AS name, null AS type, null AS date,
       null AS date_precision
UNION ALL
MATCH (n:Article {id: $id})
RETURN n.id AS id, 'Article' AS label, n.title AS name, n.source AS type, n.published AS date,
       'day' AS date_precision
