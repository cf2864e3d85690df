// How many distinct events an entity took part in or hosted: the count the writer keeps on the
// entity (graph.summaries), 0 for an unknown id.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN coalesce(n.event_count, 0) AS total
