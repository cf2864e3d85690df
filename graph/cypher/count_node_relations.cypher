// How many fact edges one node has each way.
MATCH (n:__FROM__ {id: $id})
OPTIONAL MATCH (n)-[o:__FACTS__]->()
WITH n, count(o) AS out_count
OPTIONAL MATCH (n)<-[i:__FACTS__]-()
RETURN out_count, count(i) AS in_count
