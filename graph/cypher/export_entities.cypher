// Every entity with its names, roles and provenance, for the facts export.
MATCH (n:Entity)
RETURN n.id AS id, n.type AS type, n.name AS name, n.aliases AS aliases, n.roles AS roles,
       n.articles AS articles
ORDER BY id
