// Every entity with its names, roles and provenance, for the facts export.
MATCH (n:Entity)<-[:MENTIONS]-(a:Article)
WITH n, collect(a.id) AS articles
RETURN n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, n.roles AS roles,
       articles
ORDER BY id
