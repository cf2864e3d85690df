"""POST /articles off the request threads: a small pool extracts, one writer writes.

Extraction of one article holds hundreds of MB for seconds, so it runs in its own pool of
``KG_INGEST_CONCURRENCY`` threads (requests beyond that wait their turn instead of each taking
a request thread and its memory). Writes go one at a time: two concurrent posts of one new id
get 201 and 200, never a conflict between their transactions. Each write looks up the events
it unifies with inside its own transaction (GraphStore.write_article with an EventIndex), so a
writer outside this process cannot slip an event in between the look-up and the write.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import anyio

from api.schemas import IngestRequest
from graph.models import ArticleFacts, WriteStatus
from graph.store import GraphStore
from graph.unify import EventIndex

Ingest = Callable[[IngestRequest], ArticleFacts]


class IngestRunner:
    """The extraction pool and the write lock of POST /articles."""

    def __init__(self, concurrency: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="ingest")
        self._write_lock = threading.Lock()

    async def extract(self, ingest: Ingest, body: IngestRequest) -> ArticleFacts:
        """The posted article's facts, extracted on the pool (the event loop stays free)."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, ingest, body)

    async def write(self, store: GraphStore, facts: ArticleFacts) -> WriteStatus:
        """Writes one article's facts (the write relinks the rounds it touches), one at a time."""
        return await anyio.to_thread.run_sync(self._write, store, facts)

    def _write(self, store: GraphStore, facts: ArticleFacts) -> WriteStatus:
        with self._write_lock:
            # the article's events named as the graph already does, looked up in the write's
            # transaction: a writer in another process (a `kg load`, another server) is seen
            return store.write_article(facts, events=EventIndex())

    def close(self) -> None:
        """Waits for running extractions and stops the pool."""
        self._pool.shutdown(wait=True, cancel_futures=True)
