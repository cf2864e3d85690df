"""Reading the changes the writer records (graph.changes): the graph's head, and the changes that
lead from one revision to another."""

from __future__ import annotations

from dataclasses import dataclass

from graph.changes import EVERYTHING, KEEP, UNDATED, Change, change_ids
from graph.cypher.queries import ReadQuery
from graph.store import GraphStore

__all__ = ["EVERYTHING", "UNDATED", "Change", "Head", "read_head", "read_path"]


@dataclass(frozen=True)
class Head:
    """The graph's revision and the number of the last change recorded (None before any)."""

    revision: str | None
    seq: int | None


@dataclass(frozen=True)
class Step:
    """One recorded change: from which revision to which, and what it touched."""

    seq: int
    previous: str | None
    revision: str
    change: Change


def read_head(store: GraphStore) -> Head:
    """The graph's revision and last change number, read together."""
    rows = store.read(ReadQuery.READ_CHANGE_HEAD)
    if not rows:
        return Head(None, None)
    revision, seq = rows[0]["revision"], rows[0]["seq"]
    return Head(str(revision) if revision is not None else None, int(seq) if seq else None)


def read_path(store: GraphStore, since: Head, to: Head) -> Change | None:
    """What the writes from revision `since` to revision `to` touched together, or None when
    the recorded changes do not lead from one to the other (a write recorded nothing, or the
    changes between them are no longer kept)."""
    if since.revision == to.revision:
        return Change()
    first, last = since.seq or 0, to.seq or 0
    if not 0 < last - first <= KEEP:
        return None
    rows = store.read(ReadQuery.READ_CHANGES, ids=change_ids(first, last))
    if len(rows) != last - first:
        return None
    merged = Change()
    at = since.revision
    for r in rows:
        if r["previous"] != at:
            return None
        merged = merged | Change.from_row(r)
        at = r["revision"]
    return merged if at == to.revision else None
