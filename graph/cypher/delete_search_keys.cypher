// Removes the SearchKey nodes of names an entity no longer has (or of an entity gone).
UNWIND $rows AS row
MATCH (k:SearchKey {text: row.text})
WHERE k.entity = row.entity
DELETE k
RETURN count(*) AS removed
