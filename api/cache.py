"""Answers of costly reads kept per graph revision, so repeated questions skip the database.

Every write gives the graph a new revision token (`graph.reads.read_revision`); an answer is
reused only while the revision it was computed at is still the graph's, so a cached answer is
never older than the last write. The cache is bounded (least recently used answers go first) and
shared by the server's threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from graph.reads import read_revision
from graph.store import GraphStore

DEFAULT_ENTRIES = 128


class RevisionCache:
    """Answers by key, each valid for the graph revision it was computed at."""

    def __init__(self, max_entries: int = DEFAULT_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def answer(self, store: GraphStore, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for `key` at the graph's current revision, else `compute()`."""
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
        with self._lock:
            self._entries[key] = (revision, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)
