// How many distinct events an entity took part in or hosted.
MATCH (n:Entity {id: $id})-[:PARTICIPATED_IN|HELD_IN|__FACTS__]-(v:Event)
RETURN count(DISTINCT v) AS total
