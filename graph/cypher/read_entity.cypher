// One entity's own properties.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.articles AS articles, n.confidence AS confidence
