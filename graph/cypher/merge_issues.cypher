// Free-text relation objects (a demand, a rejected plan) as Issue nodes.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (i:Issue {id: row.id})
ON CREATE SET i.text = row.text, i.articles = []
SET i.articles = CASE WHEN row.article IN i.articles THEN i.articles ELSE i.articles + row.article END
MERGE (a)-[:MENTIONS]->(i)
RETURN count(i) AS written
