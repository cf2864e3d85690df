"""Answers computed before anyone asks: after the graph changes and then stays unchanged for a
few seconds, the first page of rounds, the profiles of the busiest entities and the answers the
writes dropped from the cache (api.cache keeps those a write cannot change) are computed again.

The busiest entities are the ones asked about first, and an answer a write dropped is one that
somebody asked for; each is computed only when the cache does not hold it. Loads change the
graph many times a second, so the work waits for the graph to settle; a change while it runs
stops it, and it starts again once the graph settles anew.
"""

from __future__ import annotations

import logging
import threading
import time

from api.answers import profile_response, rounds_response
from api.cache import RevisionCache
from api.connection import StoreHolder
from graph.errors import GraphError, NotFound
from graph.reads import read_revision
from graph.reads.run import run_read
from graph.store import GraphStore

log = logging.getLogger(__name__)
REFILL = 500  # answers dropped by writes computed again, at most, once the graph settles


def precompute(
    cache: RevisionCache,
    store: GraphStore,
    entities: int,
    stop: threading.Event | None = None,
) -> int:
    """Puts the first page of rounds, the profiles of the `entities` busiest entities and up to
    REFILL answers the writes dropped in the cache for the graph's current revision (those it
    does not hold already); returns how many answers it made sure of (fewer when the graph
    changed meanwhile, or `stop` was set)."""
    revision = read_revision(store)
    if revision is None:
        return 0
    rounds_response(cache, store)
    done = 1
    for row in run_read(store, "read_busiest_entities", limit=entities):
        if (stop is not None and stop.is_set()) or read_revision(store) != revision:
            return done
        try:
            profile_response(cache, store, row["id"])
        except NotFound:  # removed since it was listed
            continue
        done += 1
    if (stop is None or not stop.is_set()) and read_revision(store) == revision:
        done += cache.refill(store, REFILL, stop)
    return done


class Precomputer:
    """A daemon thread that runs `precompute` once per settled revision of the graph."""

    def __init__(
        self,
        stores: StoreHolder,
        cache: RevisionCache,
        entities: int,
        settle: float = 3.0,
        poll: float = 1.0,
    ) -> None:
        self.stores, self.cache, self.entities = stores, cache, entities
        self.settle, self.poll = settle, poll
        self.done_for: str | None = None  # the last revision precomputed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="precompute", daemon=True)

    def start(self) -> None:
        if self.entities > 0 and self.cache.max_bytes > 0:
            self._thread.start()

    @property
    def running(self) -> bool:
        """Whether the thread is running (not when off, or without a cache)."""
        return self._thread.is_alive()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        seen: str | None = None
        since = time.monotonic()
        while not self._stop.wait(self.poll):
            try:
                store = self.stores.get()
                revision = read_revision(store)
                if revision is None or revision == self.done_for:
                    continue
                if revision != seen:
                    seen, since = revision, time.monotonic()
                if time.monotonic() - since < self.settle:
                    continue
                started = time.perf_counter()
                count = precompute(self.cache, store, self.entities, self._stop)
                if read_revision(store) == revision:
                    self.done_for = revision
                    log.info(
                        "precomputed %d answers in %.1f s", count, time.perf_counter() - started
                    )
            except GraphError as e:
                log.debug("precompute skipped: %s", e)
            except Exception:  # a background thread: report, never die silently
                log.exception("precomputing answers failed")
