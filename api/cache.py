"""Encoded answers kept per graph revision, so repeated questions skip the database.

Every write gives the graph a new revision token (`graph.reads.read_revision`); an answer is
reused only while the revision it was computed at is still the graph's, so a cached answer is
never older than the last write. Answers are kept as the JSON bytes sent, already checked
against the route's response model, so a repeated question also skips validation and encoding.
The cache is bounded by the bytes it holds (least recently used answers go first) and shared
by the server's threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from fastapi import Response
from pydantic import TypeAdapter

from graph.reads import read_revision
from graph.store import GraphStore

MB = 1 << 20


class RevisionCache:
    """Encoded answers by key, each valid for the graph revision it was computed at."""

    def __init__(self, max_bytes: int = 64 * MB) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, tuple[str, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def body(self, store: GraphStore, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The cached body for `key` at the graph's current revision, else `compute()`."""
        if self.max_bytes <= 0:
            return compute()
        revision = read_revision(store)
        if revision is None:
            return compute()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == revision:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[1]
            self.misses += 1
        value = compute()
        if len(value) > self.max_bytes // 4:  # one answer never takes most of the cache
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            self._size += len(value) - (len(old[1]) if old else 0)
            self._entries[key] = (revision, value)
            while self._size > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._size -= len(dropped)
        return value

    @property
    def size(self) -> int:
        """Bytes held."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)


def cached_json(
    cache: RevisionCache,
    store: GraphStore,
    key: Hashable,
    model: TypeAdapter[Any],
    compute: Callable[[], Any],
) -> Response:
    """A JSON response of `compute()` checked against `model`, from the cache when it can be."""

    def encode() -> bytes:
        return model.dump_json(model.validate_python(compute()), by_alias=True)

    return Response(content=cache.body(store, key, encode), media_type="application/json")
