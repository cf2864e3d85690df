// Whether the graph's entity names are kept as SearchKey nodes (null before the first write).
MATCH (g:GraphState {id: 'graph'})
RETURN g.search_keys_indexed AS indexed
