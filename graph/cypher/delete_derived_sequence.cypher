// Removes the PRECEDED edges derived from dates, before they are derived again.
MATCH ()-[r:PRECEDED {derived: true}]->()
DELETE r
RETURN count(*) AS removed
