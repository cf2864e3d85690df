"""Encoded answers kept per graph revision, so repeated questions skip the database.

Every write gives the graph a new revision token (`graph.reads.read_revision`); an answer is
reused only while the revision it was computed at is still the graph's, so a cached answer is
never older than the last write. Answers are kept as the JSON bytes sent, already checked
against the route's response model, so a repeated question also skips validation and encoding.
The cache is bounded by the bytes it holds (least recently used answers go first) and shared
by the server's threads.

Each answer carries an ETag made from the graph's revision and the question (`Cache-Control:
no-cache`: keep it, ask again); a request whose If-None-Match names the current tag answers 304
with no body. `X-KG-Cache` says whether the answer came from the cache (`hit`) or was computed
(`miss`), so a client or a benchmark can tell how warm the cache stayed across a write.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from importlib.metadata import version
from typing import Annotated, Any

from fastapi import Header, Response
from pydantic import TypeAdapter

from graph.reads import read_revision
from graph.store import GraphStore

MB = 1 << 20
CACHE_HEADER = "X-KG-Cache"  # 'hit' when the answer came from the cache, else 'miss'
API_VERSION = version("event-timeline-kg")


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
        return self.body_at(read_revision(store), key, compute)

    def body_at(self, revision: str | None, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """The cached body for `key` computed at `revision`, else `compute()` (kept for it)."""
        if self.max_bytes <= 0 or revision is None:
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


def entity_tag(revision: str, key: Hashable) -> str:
    """The ETag of the answer `key` computed at graph `revision` by this version of the API."""
    seed = f"{API_VERSION}\n{revision}\n{key!r}"
    digest = hashlib.blake2b(seed.encode("utf-8", "backslashreplace"), digest_size=12).hexdigest()
    return f'W/"{digest}"'


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

    It carries the ETag of `key` at the graph's revision; when `if_none_match` names that tag
    the answer is a 304 with no body and nothing is computed."""
    revision = read_revision(store)
    tag = entity_tag(revision, key) if revision else None
    headers = {"ETag": tag, "Cache-Control": "no-cache"} if tag else {}
    if tag and if_none_match and tag_matches(if_none_match, tag):
        return Response(status_code=304, headers=headers)

    computed = False

    def encode() -> bytes:
        nonlocal computed
        computed = True
        return model.dump_json(model.validate_python(compute()), by_alias=True)

    body = cache.body_at(revision, key, encode)
    headers[CACHE_HEADER] = "miss" if computed else "hit"
    return Response(content=body, media_type="application/json", headers=headers)


IfNoneMatch = Annotated[str | None, Header(include_in_schema=False)]  # told in NOT_MODIFIED
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "not modified: the request's If-None-Match header names the answer's "
        "current ETag (every 200 here carries one); no body",
        "headers": {
            "ETag": {"description": "the answer's current tag", "schema": {"type": "string"}}
        },
    }
}
