"""Reads by name, the graph's revision and the readiness probe, all run by `GraphStore.read`.

`GraphStore.read` is the one runner of read queries (auto-commit, a small bounded retry); the
reads of this package call it with a ReadQuery member. `run_read` is for callers that name a
query by its catalog file name: the name must be a ReadQuery's, checked before anything is sent.
"""

from __future__ import annotations

from typing import Any

from graph.cypher.queries import ReadQuery
from graph.models import NodeLabel
from graph.store import GraphStore

Row = dict[str, Any]


def run_read(
    store: GraphStore,
    name: ReadQuery | str,
    from_: NodeLabel | None = None,
    to: NodeLabel | None = None,
    **params: Any,
) -> list[Row]:
    """Rows of the read query `name` (a ReadQuery member or its value; ValueError otherwise)."""
    return store.read(ReadQuery(name), from_=from_, to=to, **params)


def read_revision(store: GraphStore) -> str | None:
    """The graph's revision token: it changes with every write (None before the first)."""
    rows = store.read(ReadQuery.READ_REVISION)
    return str(rows[0]["revision"]) if rows and rows[0]["revision"] is not None else None


def check_ready(store: GraphStore) -> None:
    """Raises GraphUnavailable or GraphAuthFailed unless the database answers now."""
    store.read(ReadQuery.READ_READY, attempts=1)
