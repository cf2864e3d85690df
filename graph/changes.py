"""What each write touched, recorded beside the graph's revision, so that a cache can keep the
answers a write cannot change.

Every write that gives the graph a new revision records, in its own transaction, one change:
the revision it started from and the one it ends at, and what it touched: its articles; the
entities and events they state or stated, with the entities joined to those events, the rounds
whose sequence it relinked and the events joined by a fact to an event it re-dated; the issues;
the dates of events (`moved`: of the events it made, deleted or re-dated, before and after;
`dated`: of every event it touched; "" for undated); the search keys of the entities it states
(before and after); and whether it may have changed whom a delegation holds (`members`). A
change of more than WIDE ids is recorded as `wide`: anything may have changed.

Changes are numbered (`change_seq` on the graph state) and kept as GraphState nodes
`change:<seq>`, the last KEEP of them. A write that records nothing (deriving the whole
sequence again, deleting everything, a writer of an older version) leaves a revision no change
leads to: a reader that cannot walk from the revision it knows to the graph's, change by change,
starts afresh (graph.reads.changes reads them; api.cache follows them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher import catalog

KEEP = 256  # changes kept
WIDE = 5000  # ids a change lists at most; beyond, it says it touched everything
PREFIX = "change:"  # the id of change N is PREFIX + N
UNDATED = ""  # the date of an undated event in `moved` and `dated`


@dataclass(frozen=True)
class Change:
    """What one write, or several in a row, touched."""

    articles: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    issues: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()
    dated: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    members: bool = False
    wide: bool = False

    @property
    def empty(self) -> bool:
        """Whether the change touched nothing (as between a revision and itself)."""
        return self == Change()

    @property
    def ids(self) -> frozenset[str]:
        """Every node id the change touched."""
        return self.articles | self.entities | self.events | self.issues

    def __or__(self, other: Change) -> Change:
        """What this change and `other` touched together."""
        if self.wide or other.wide:
            return EVERYTHING
        merged: dict[str, Any] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (a or b) if isinstance(a, bool) else a | b
        return Change(**merged)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Change:
        """A change as read_changes returns it."""
        if row.get("wide"):
            return EVERYTHING

        def ids(name: str) -> frozenset[str]:
            return frozenset(str(x) for x in row.get(name) or ())

        return cls(
            articles=ids("articles"),
            entities=ids("entities"),
            events=ids("events"),
            issues=ids("issues"),
            moved=ids("moved"),
            dated=ids("dated"),
            keys=ids("keys"),
            members=bool(row.get("members")),
        )


EVERYTHING = Change(wide=True)


@dataclass
class Touched:
    """What one write touches, gathered while it runs and recorded at its end."""

    articles: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)
    issues: set[str] = field(default_factory=set)
    moved: set[str] = field(default_factory=set)
    dated: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    members: bool = False

    def date(self, before: tuple[bool, str | None], after: tuple[bool, str | None]) -> None:
        """Notes an event's (existed, date) before and after the write."""
        old = [before[1] or UNDATED] if before[0] else []
        new = [after[1] or UNDATED] if after[0] else []
        self.dated.update(old + new)
        if old != new:
            self.moved.update(old + new)

    def record(self, tx: ManagedTransaction, previous: str | None) -> int | None:
        """Records the change in `tx` when the write gave the graph a new revision (from
        `previous`); returns its number, or None when nothing was recorded."""
        lists = {
            "articles": self.articles,
            "entities": self.entities,
            "events": self.events,
            "issues": self.issues,
        }
        wide = sum(len(v) for v in lists.values()) > WIDE
        values: dict[str, Any] = {k: [] if wide else sorted(v) for k, v in lists.items()}
        for name in ("moved", "dated", "keys"):
            values[name] = [] if wide else sorted(getattr(self, name))
        row = tx.run(
            catalog.render("record_change"),
            previous=previous,
            members=self.members,
            wide=wide,
            **values,
        ).single()
        if row is None:
            return None
        seq = int(row["seq"])
        if seq > KEEP:
            tx.run(catalog.render("delete_change"), id=f"{PREFIX}{seq - KEEP}").consume()
        return seq


def change_ids(after: int, upto: int) -> list[str]:
    """The ids of the changes numbered after `after` up to `upto`."""
    return [f"{PREFIX}{n}" for n in range(after + 1, upto + 1)]


def union(changes: Iterable[Change]) -> Change:
    """What the changes touched together."""
    out = Change()
    for c in changes:
        out = out | c
    return out
