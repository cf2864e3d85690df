// The entities, events and issues one article mentions.
MATCH (:Article {id: $id})-[:MENTIONS]->(n)
RETURN n.id AS id, labels(n) AS labels, coalesce(n.name, n.label, n.text) AS name,
       coalesce(n.type, n.kind) AS type, n.date AS date,
       n.date_precision AS date_precision
ORDER BY id
