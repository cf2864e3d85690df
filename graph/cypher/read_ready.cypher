// Answers when the database is up: the readiness probe of a store and of the API.
RETURN 1 AS ok
