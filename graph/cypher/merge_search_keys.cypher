// One SearchKey node per word-start suffix of an entity's normalised names (graph.keys), marked
// whole when it is a whole name; found by the indexed `text`.
UNWIND $rows AS row
MERGE (k:SearchKey {text: row.text, entity: row.entity})
SET k.whole = row.whole
RETURN count(k) AS written
