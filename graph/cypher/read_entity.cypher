// One entity's own properties and how many articles mention it.
MATCH (n:Entity {id: $id})
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count, n.confidence AS confidence
