// Records that the graph's entity names are kept as SearchKey nodes.
MERGE (g:GraphState {id: 'graph'})
SET g.search_keys_indexed = true
RETURN g.search_keys_indexed AS indexed
