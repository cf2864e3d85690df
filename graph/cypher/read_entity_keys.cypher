// Every entity's normalised names, to make its SearchKey nodes from.
MATCH (n:Entity)
RETURN n.id AS id, n.search_keys AS search_keys
