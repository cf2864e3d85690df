// The fact edges a busy entity keeps (graph.relation_summaries): how many each way and the first
// of each ('TYPE|Label|other id', in the order a profile lists them); null when it keeps none.
MATCH (n:Entity {id: $id})
RETURN n.fact_out AS fact_out, n.fact_in AS fact_in, n.latest_out AS latest_out,
       n.latest_in AS latest_in
