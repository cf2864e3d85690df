// Entities stated by articles; aliases, roles and provenance are unioned.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (n:Entity {id: row.id})
ON CREATE SET n.type = row.type, n.name = row.name, n.aliases = [], n.roles = [],
              n.articles = [], n.search_keys = [], n.confidence = row.confidence
SET n.aliases = n.aliases + [x IN row.aliases WHERE NOT x IN n.aliases],
    n.roles = n.roles + [x IN row.roles WHERE NOT x IN n.roles],
    n.search_keys = n.search_keys + [x IN row.search_keys WHERE NOT x IN n.search_keys],
    n.articles = CASE WHEN row.article IN n.articles THEN n.articles ELSE n.articles + row.article END,
    n.confidence = CASE WHEN row.confidence > n.confidence THEN row.confidence ELSE n.confidence END
MERGE (a)-[:MENTIONS]->(n)
RETURN count(n) AS written
