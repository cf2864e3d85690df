// How many distinct events an entity took part in or hosted.
MATCH (n:Entity {id: $id})--(v:Event)
RETURN count(DISTINCT v) AS total
