// Free-text relation objects (a demand, a rejected plan) as Issue nodes.
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (i:Issue {id: row.id})
ON CREATE SET i.text = row.text, i.article_count = 0
MERGE (a)-[m:MENTIONS]->(i)
ON CREATE SET i.article_count = i.article_count + 1
RETURN count(i) AS written
