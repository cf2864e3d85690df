// Records what one write touched (graph.changes) as the change after the graph's last one, when
// the write gave the graph a new revision: the revision it started from ($previous) and the one
// it ends at, the ids it touched, the dates of the events it touched and the search keys of the
// entities it touched. Nothing is recorded when the revision did not change.
MATCH (g:GraphState {id: 'graph'})
WHERE g.revision IS NOT NULL AND g.revision <> coalesce($previous, '')
SET g.change_seq = coalesce(g.change_seq, 0) + 1
CREATE (c:GraphState {id: 'change:' + toString(g.change_seq)})
SET c.seq = g.change_seq, c.previous = $previous, c.revision = g.revision,
    c.articles = $articles, c.entities = $entities, c.events = $events, c.issues = $issues,
    c.moved = $moved, c.dated = $dated, c.keys = $keys, c.members = $members, c.wide = $wide
RETURN c.seq AS seq
