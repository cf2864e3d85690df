// The latest $limit articles that mention an entity (ids and dates, newest first, undated last):
// the start of the entity's summary once it becomes busy.
MATCH (:Entity {id: $id})<-[:MENTIONS]-(a:Article)
RETURN a.id AS id, a.published AS date
ORDER BY date IS NULL, date DESC, id
LIMIT $limit
