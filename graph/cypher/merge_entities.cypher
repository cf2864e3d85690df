// Entities stated by articles; aliases and roles are unioned, provenance is the MENTIONS edge
// (the node keeps only how many articles mention it). The edge also keeps what this article
// gives the entity, so that retracting the article can take it back.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (n:Entity {id: row.id})
ON CREATE SET n.type = row.type, n.name = row.name, n.aliases = [], n.roles = [],
              n.article_count = 0, n.event_count = 0, n.search_keys = [],
              n.confidence = row.confidence
SET n.aliases = n.aliases + [x IN row.aliases WHERE NOT x IN n.aliases],
    n.roles = n.roles + [x IN row.roles WHERE NOT x IN n.roles],
    n.search_keys = n.search_keys + [x IN row.search_keys WHERE NOT x IN n.search_keys],
    n.confidence = CASE WHEN row.confidence > n.confidence THEN row.confidence ELSE n.confidence END
MERGE (a)-[m:MENTIONS]->(n)
ON CREATE SET n.article_count = n.article_count + 1
SET m.aliases = row.aliases, m.roles = row.roles, m.search_keys = row.search_keys,
    m.confidence = row.confidence, m.name = row.name, m.type = row.type, m.seq = row.seq
RETURN count(n) AS written
