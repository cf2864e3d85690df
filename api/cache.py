"""Encoded answers kept across writes that cannot change them, so repeated questions skip the
database.

Every write gives the graph a new revision and records what it touched (graph.changes). Each
request reads the graph's head (its revision and last change: one query); when the revision has
moved, the cache reads the changes that lead to it and drops only the answers they can change
(`Depends`, from each answer's question and the ids it names), so an answer is never older than
the last write that could change it. When the changes do not lead to the revision (a write that
recorded nothing, or more changes than are kept), every answer goes. Answers are kept as the
JSON bytes sent, already checked against the route's response model, so a repeated question
also skips validation and encoding. The cache is bounded by the bytes it holds (least recently
used answers go first) and shared by the server's threads; the answers a write dropped are
remembered (`dropped`) so that api.precompute can compute them again once the graph settles.

Each answer carries an ETag made from its own bytes and its question (`Cache-Control: no-cache`:
keep it, ask again): it changes exactly when the answer does, whatever else the graph gains. A
request whose If-None-Match names the tag of the answer cached answers 304 with no body;
`X-KG-Cache` says whether the answer came from the cache (`hit`) or was computed (`miss`), so a
client or a benchmark can tell how warm the cache stayed across a write.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from importlib.metadata import version
from typing import Annotated, Any

from fastapi import Header, Response
from pydantic import TypeAdapter

from api.depends import KEY_SEPARATOR, Depends, depends_of
from graph.errors import GraphError
from graph.reads.changes import EVERYTHING, Change, Head, read_head, read_path
from graph.store import GraphStore

MB = 1 << 20
CACHE_HEADER = "X-KG-Cache"  # 'hit' when the answer came from the cache, else 'miss'
API_VERSION = version("event-timeline-kg")
ID_BYTES = 48  # what the cache counts for each id an answer depends on, beside its bytes
HISTORY = 64  # moves of the head remembered, for answers computed before the latest
DROPPED = 2000  # answers dropped by writes remembered for computing again


@dataclass(frozen=True)
class Entry:
    """One cached answer: its bytes, its tag and what it depends on."""

    body: bytes
    tag: str
    depends: Depends
    recompute: Callable[[], bytes] | None

    @property
    def size(self) -> int:
        return len(self.body) + ID_BYTES * len(self.depends.ids)


def answer_tag(key: Hashable, body: bytes) -> str:
    """The ETag of the answer `body` to the question `key`, by this version of the API."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{API_VERSION}\n{key!r}\n".encode("utf-8", "backslashreplace"))
    digest.update(body)
    return f'W/"{digest.hexdigest()}"'


class RevisionCache:
    """Encoded answers by key, each kept until a write that can change it."""

    def __init__(self, max_bytes: int = 64 * MB) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._sync_lock = threading.Lock()
        self._head = Head(None, None)  # the revision the entries are valid at
        # Moves of the head, oldest first: (from, what the changes since then touched).
        self._history: list[tuple[str | None, Change]] = []
        self.dropped: OrderedDict[Hashable, Callable[[], bytes]] = OrderedDict()
        self.hits = 0
        self.misses = 0
        self.kept = 0  # answers that stayed through a write
        self.dropped_count = 0  # answers a write dropped

    # -- following the graph

    def current(self, store: GraphStore) -> Head:
        """The graph's head, the entries brought up to it (one query while it has not moved)."""
        head = read_head(store)
        if head.revision != self._head.revision:
            self.follow(store, head)
        return head

    def follow(self, store: GraphStore, head: Head) -> None:
        """Drops the entries the writes since the cache's head and up to `head` can change."""
        with self._sync_lock:
            known = self._head
            if head.revision == known.revision or self._passed(head.revision):
                return  # read before a later head was followed: the entries are newer
            change = read_path(store, known, head) if known.revision is not None else None
            with self._lock:
                self._apply(change if change is not None else EVERYTHING)
                if change is None:
                    self._history.clear()
                self._history = [*self._history, (known.revision, change or EVERYTHING)]
                self._history = self._history[-HISTORY:]
                self._head = head

    def _passed(self, revision: str | None) -> bool:
        """Whether the cache has followed the graph from `revision` to a later one."""
        return any(r == revision for r, _ in self._history) and revision is not None

    def _since(self, revision: str | None) -> Change | None:
        """What the writes since `revision` touched, if the cache followed them."""
        if revision == self._head.revision:
            return Change()
        for i, (r, _) in enumerate(self._history):
            if r == revision and revision is not None:
                out = Change()
                for _, c in self._history[i:]:
                    out = out | c
                return out
        return None

    def _apply(self, change: Change) -> None:
        """Drops the entries `change` can change (under the lock)."""
        if not self._entries:
            return
        if change.wide:
            gone = list(self._entries)
        else:
            ids, keys = change.ids, KEY_SEPARATOR.join(sorted(change.keys))
            gone = [k for k, e in self._entries.items() if e.depends.changed_by(change, ids, keys)]
        self.kept += len(self._entries) - len(gone)
        self.dropped_count += len(gone)
        for k in gone:
            entry = self._entries.pop(k)
            self._size -= entry.size
            if entry.recompute is not None:
                self.dropped[k] = entry.recompute
                self.dropped.move_to_end(k)
        while len(self.dropped) > DROPPED:
            self.dropped.popitem(last=False)

    def refill(self, store: GraphStore, limit: int, stop: threading.Event | None = None) -> int:
        """Computes again, at the graph's head, up to `limit` of the answers writes dropped
        (the last dropped first); stops when the graph moves on. Returns how many it kept."""
        done = 0
        head = self.current(store)
        while done < limit and self.max_bytes > 0 and head.revision is not None:
            with self._lock:
                if not self.dropped:
                    break
                key, recompute = self.dropped.popitem(last=True)
                if key in self._entries:
                    continue
            try:
                self.entry_at(head.revision, key, recompute, recompute)
            except GraphError:
                continue  # gone since (NotFound), or the graph cannot answer now
            done += 1
            if (stop is not None and stop.is_set()) or read_head(store) != head:
                break
        return done

    # -- answers

    def body(self, store: GraphStore, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The cached body for `key`, else `compute()` (kept until a write can change it)."""
        if self.max_bytes <= 0:
            return compute()
        return self.body_at(self.current(store).revision, key, compute)

    def lookup(self, key: Hashable) -> Entry | None:
        """The entry for `key` at the cache's head, if kept (not counted as a hit)."""
        with self._lock:
            return self._entries.get(key)

    def body_at(
        self,
        revision: str | None,
        key: Hashable,
        compute: Callable[[], bytes],
        recompute: Callable[[], bytes] | None = None,
    ) -> bytes:
        """The cached body for `key`, else `compute()`, computed at `revision` (kept unless a
        write since then can change it)."""
        return self.entry_at(revision, key, compute, recompute)[0].body

    def entry_at(
        self,
        revision: str | None,
        key: Hashable,
        compute: Callable[[], bytes],
        recompute: Callable[[], bytes] | None = None,
    ) -> tuple[Entry, bool]:
        """The entry for `key` and whether it came from the cache; computed at `revision`
        (the head read before computing) when it is not there."""
        if self.max_bytes > 0 and revision is not None:
            with self._lock:
                found = self._entries.get(key)
                if found is not None:
                    self._entries.move_to_end(key)
                    self.hits += 1
                    return found, True
                self.misses += 1
        value = compute()
        entry = Entry(value, answer_tag(key, value), depends_of(key, value), recompute)
        if self.max_bytes > 0 and revision is not None and entry.size <= self.max_bytes // 4:
            self._keep(revision, key, entry)
        return entry, False

    def _keep(self, revision: str, key: Hashable, entry: Entry) -> None:
        with self._lock:
            since = self._since(revision)
            if since is None or _changes(entry, since):
                return  # a write since it was computed can have changed it
            old = self._entries.pop(key, None)
            self._size += entry.size - (old.size if old else 0)
            self._entries[key] = entry
            self.dropped.pop(key, None)
            while self._size > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._size -= dropped.size

    @property
    def size(self) -> int:
        """Bytes held (answers, and what their dependencies take)."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)


def _changes(entry: Entry, change: Change) -> bool:
    return change.wide or entry.depends.changed_by(
        change, change.ids, KEY_SEPARATOR.join(sorted(change.keys))
    )


def tag_matches(if_none_match: str, tag: str) -> bool:
    """Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 says)."""
    wanted = tag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def cached_json(
    cache: RevisionCache,
    store: GraphStore,
    key: Hashable,
    model: TypeAdapter[Any],
    compute: Callable[[], Any],
    if_none_match: str | None = None,
) -> Response:
    """A JSON response of `compute()` checked against `model`, from the cache when it can be.

    It carries the answer's ETag; when `if_none_match` names the tag of the answer kept, the
    answer is a 304 with no body and nothing is computed (a 304 too when the answer computed
    anew has the tag named)."""
    revision = cache.current(store).revision if cache.max_bytes > 0 else None
    if revision is not None and if_none_match:
        kept = cache.lookup(key)
        if kept is not None and tag_matches(if_none_match, kept.tag):
            return Response(status_code=304, headers=_tag_headers(kept.tag))

    def encode() -> bytes:
        return model.dump_json(model.validate_python(compute()), by_alias=True)

    entry, hit = cache.entry_at(revision, key, encode, encode)
    headers = _tag_headers(entry.tag)
    if if_none_match and tag_matches(if_none_match, entry.tag):
        return Response(status_code=304, headers=headers)
    headers[CACHE_HEADER] = "hit" if hit else "miss"
    return Response(content=entry.body, media_type="application/json", headers=headers)


def _tag_headers(tag: str) -> dict[str, str]:
    return {"ETag": tag, "Cache-Control": "no-cache"}


IfNoneMatch = Annotated[str | None, Header(include_in_schema=False)]  # told in NOT_MODIFIED
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "not modified: the request's If-None-Match header names the answer's "
        "current ETag (every 200 here carries one); no body",
        "headers": {
            "ETag": {"description": "the answer's current tag", "schema": {"type": "string"}},
        },
    }
}
