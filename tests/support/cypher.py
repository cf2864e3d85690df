"""Statements of the tests' own, run on the embedded server beside the catalog's queries.

`GraphStore.read` runs only the catalog's read queries (a ReadQuery); a test that looks at the
graph through a projection of its own (or `SHOW CONSTRAINTS`) runs it here, in one auto-commit
query of a short session.
"""

from __future__ import annotations

from typing import Any

from graph.store import GraphStore

Row = dict[str, Any]


def cypher(store: GraphStore, text: str, **params: Any) -> list[Row]:
    """Rows of one statement of a test's own, as dicts."""
    with store.session() as s:
        return [r.data() for r in s.run(text, params)]


def cypher_value(store: GraphStore, text: str, key: str, **params: Any) -> Any:
    """One value of the first row of a statement of a test's own, or None."""
    rows = cypher(store, text, **params)
    return rows[0][key] if rows else None
