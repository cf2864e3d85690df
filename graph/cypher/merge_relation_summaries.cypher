// Sets the fact edges kept on busy entities: how many each way and the first of each, in the
// order a profile lists them (graph.relation_summaries).
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n.fact_out = row.fact_out, n.fact_in = row.fact_in,
    n.latest_out = row.latest_out, n.latest_out_dates = row.latest_out_dates,
    n.latest_in = row.latest_in, n.latest_in_dates = row.latest_in_dates
RETURN count(n) AS written
