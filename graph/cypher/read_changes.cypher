// The recorded changes of $ids (graph.changes), each with what it touched.
UNWIND $ids AS cid
MATCH (c:GraphState {id: cid})
RETURN c.seq AS seq, c.previous AS previous, c.revision AS revision, c.articles AS articles,
       c.entities AS entities, c.events AS events, c.issues AS issues, c.moved AS moved,
       c.dated AS dated, c.keys AS keys, c.members AS members, c.wide AS wide
ORDER BY seq
