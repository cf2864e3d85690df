"""Running read queries: one auto-commit query each, with a small, bounded retry.

The driver's managed transactions retry an unreachable server for about a minute; a read behind
an HTTP request should fail within a second instead, so the caller can answer 503 at once. An
auto-commit query is one round trip (RUN and PULL pipelined) where an explicit transaction adds
BEGIN and COMMIT: half the fixed cost of a query and a much shorter tail. Each read is one query,
so nothing is lost by not grouping them in a transaction.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from neo4j.exceptions import TransientError

from graph.cypher import catalog
from graph.errors import GraphUnavailable
from graph.models import NodeLabel
from graph.reads.queries import ReadQuery
from graph.store import GraphStore

log = logging.getLogger(__name__)

Row = dict[str, Any]
ATTEMPTS = 2
RETRY_DELAY = 0.2


def run_query(store: GraphStore, query: str, attempts: int = ATTEMPTS, **params: Any) -> list[Row]:
    """Rows of one read query (auto-commit), retried briefly on transient failures."""
    for attempt in range(1, attempts + 1):
        try:
            with store.session() as s:
                return [r.data() for r in s.run(query, params)]
        except (GraphUnavailable, TransientError) as e:
            if attempt == attempts:
                if isinstance(e, TransientError):
                    raise GraphUnavailable(f"the database is busy: {e.message}") from e
                raise
            log.info("read failed (%s); retrying", e.__class__.__name__)
            time.sleep(RETRY_DELAY * attempt)
    raise AssertionError("unreachable")


def run_read(
    store: GraphStore,
    name: ReadQuery | str,
    from_: NodeLabel | None = None,
    to: NodeLabel | None = None,
    **params: Any,
) -> list[Row]:
    """Rows of the read query `name`: a ReadQuery member (a misspelt one fails where it is
    written), or the name of a catalog file (an unknown one raises KeyError before anything is
    sent)."""
    return run_query(store, catalog.render(name, from_=from_, to=to), **params)


def read_revision(store: GraphStore) -> str | None:
    """The graph's revision token: it changes with every write (None before the first)."""
    rows = run_read(store, ReadQuery.READ_REVISION)
    return str(rows[0]["revision"]) if rows and rows[0]["revision"] is not None else None


def check_ready(store: GraphStore) -> None:
    """Raises GraphUnavailable or GraphAuthFailed unless the database answers now."""
    run_query(store, "RETURN 1 AS ok", attempts=1)
