"""Running read queries: short explicit transactions with a small, bounded retry.

The driver's managed transactions retry an unreachable server for about a minute; a read behind
an HTTP request should fail within a second instead, so the caller can answer 503 at once.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from neo4j.exceptions import TransientError

from graph.cypher import catalog
from graph.errors import GraphUnavailable
from graph.models import NodeLabel
from graph.store import GraphStore

log = logging.getLogger(__name__)

Row = dict[str, Any]
ATTEMPTS = 2
RETRY_DELAY = 0.2


def run_query(store: GraphStore, query: str, attempts: int = ATTEMPTS, **params: Any) -> list[Row]:
    """Rows of one read query in an explicit transaction, retried briefly on transient failures."""
    for attempt in range(1, attempts + 1):
        try:
            with store.session() as s, s.begin_transaction() as tx:
                return [r.data() for r in tx.run(query, params)]
        except (GraphUnavailable, TransientError) as e:
            if attempt == attempts:
                if isinstance(e, TransientError):
                    raise GraphUnavailable(f"the database is busy: {e.message}") from e
                raise
            log.info("read failed (%s); retrying", e.__class__.__name__)
            time.sleep(RETRY_DELAY * attempt)
    raise AssertionError("unreachable")


def run_read(
    store: GraphStore, name: str, from_: NodeLabel | None = None, **params: Any
) -> list[Row]:
    """Rows of the catalog query `name`."""
    return run_query(store, catalog.render(name, from_=from_), **params)


def read_revision(store: GraphStore) -> str | None:
    """The graph's revision token: it changes with every write (None before the first)."""
    rows = run_read(store, "read_revision")
    return str(rows[0]["revision"]) if rows and rows[0]["revision"] is not None else None


def check_ready(store: GraphStore) -> None:
    """Raises GraphUnavailable or GraphAuthFailed unless the database answers now."""
    run_query(store, "RETURN 1 AS ok", attempts=1)
