"""PRECEDED between successive rounds of talks, kept up to date by every write.

The graph orders the rounds of talks that some article states or announces by (date, id) and
links each to the next with a derived PRECEDED edge. A write changes that order only around the
rounds it touches (rounds it adds, dates, re-dates, confirms, retracts or deletes), so the write
relinks only those stretches, in its own transaction: `RoundSequence.note` reads, before the
write, the dates of the touched rounds and of their neighbours in the sequence; `relink` then
reads the orderable rounds of each stretch (a range on the indexed date), the round just before
and just after it, and replaces the stretch's derived edges with the new order. The result is
the sequence a derivation over all rounds (`derive_all`) gives.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher import catalog
from graph.models import ClaimStatus, EventKind

# The rule behind PRECEDED edges the graph derives: each dated round precedes the next by date.
ROUND_SEQUENCE_RULE = "rounds in date order"
GAP_DAYS = 14  # stretches this close are relinked as one (the rounds between them are read)
WINDOWS = (31, 400)  # days searched for a stretch's neighbours before all the dates
NO_FLOOR, NO_CEIL = "", "~"  # below and above every ISO date


def _params() -> dict[str, Any]:
    return {
        "kind": str(EventKind.TALKS),
        "orderable": [str(ClaimStatus.STATED), str(ClaimStatus.PLANNED)],
        "stated": str(ClaimStatus.STATED),
    }


def _day(value: str) -> dt.date | None:
    """The first day of an ISO date of any precision ('2024', '2024-10', '2024-10-16')."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]] + [1, 1]
        return dt.date(numbers[0], numbers[1] or 1, numbers[2] or 1)
    except ValueError:
        return None


def _shift(value: str, days: int, unbounded: str) -> str:
    day = _day(value)
    if day is None:
        return unbounded
    try:
        return (day + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return unbounded


def _close(hi: str, lo: str) -> bool:
    """Whether a stretch ending at `hi` and one starting at `lo` are relinked as one."""
    a, b = _day(hi), _day(lo)
    return lo <= hi or (a is not None and b is not None and (b - a).days <= GAP_DAYS)


Key = tuple[str, str]  # (date, id): the order of the sequence


@dataclass
class RoundSequence:
    """The rounds one write touches and the dates the sequence around them had before it."""

    candidates: set[str] = field(default_factory=set)
    dates: dict[str, list[str]] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)  # after relink: every round it relinked

    @classmethod
    def note(
        cls, tx: ManagedTransaction, event_ids: Iterable[str], articles: Iterable[str] = ()
    ) -> RoundSequence:
        """Before a write: the rounds among `event_ids` and those the `articles` (to be
        retracted or deleted) mention, with their dates and their neighbours' dates."""
        ids = set(event_ids)
        for article in articles:
            rows = tx.run(catalog.render("read_article_rounds"), article=article, **_params())
            ids.update(r["id"] for r in rows)
        seq = cls(candidates=ids)
        if ids:
            seq._read(tx, ids)
        return seq

    @property
    def touched(self) -> set[str]:
        """The rounds of talks among the candidates, before or after the write."""
        return set(self.dates)

    def _read(self, tx: ManagedTransaction, ids: Iterable[str]) -> None:
        query = catalog.render("read_round_span")
        for r in tx.run(query, ids=sorted(ids), kind=str(EventKind.TALKS)):
            found = [d for d in [r["date"], *r["neighbours"]] if d]
            self.dates.setdefault(r["id"], []).extend(found)

    def relink(self, tx: ManagedTransaction) -> int:
        """After the write: relinks the stretches of the sequence around the touched rounds;
        returns the links written."""
        if not self.candidates:
            return 0
        self._read(tx, self.candidates)  # the rounds there now, with their new dates
        if not self.touched:
            return 0
        spans = self._spans()
        self.linked = set(self.touched)
        if not spans:
            self._unlink(tx, [])
            return 0
        covers = self._covers(tx, spans)
        nodes: list[list[Key]] = []
        for start, end, members in _merge_covers(covers):
            nodes.append(sorted(set(members) | {k for k in (start, end) if k is not None}))
        self.linked.update(k[1] for chain in nodes for k in chain)
        outgoing = [k[1] for chain in nodes for k in chain[:-1]]
        self._unlink(tx, outgoing)
        pairs = [
            {"source": a[1], "target": b[1]}
            for chain in nodes
            for a, b in itertools.pairwise(chain)
        ]
        if not pairs:
            return 0
        row = tx.run(
            catalog.render("merge_round_links"), pairs=pairs, rule=ROUND_SEQUENCE_RULE
        ).single()
        return int(row["linked"]) if row else 0

    def _unlink(self, tx: ManagedTransaction, outgoing: list[str]) -> None:
        """Removes the derived links out of `outgoing` and into and out of the touched rounds."""
        ids = sorted(set(outgoing) | self.touched)
        tx.run(catalog.render("delete_round_links_out"), ids=ids).consume()
        tx.run(catalog.render("delete_round_links_in"), ids=sorted(self.touched)).consume()

    def _spans(self) -> list[tuple[str, str]]:
        """The date ranges to relink: each touched round's old and new dates and its old
        neighbours', the overlapping or close ones joined."""
        ranges = sorted((min(d), max(d)) for d in self.dates.values() if d)
        out: list[tuple[str, str]] = []
        for lo, hi in ranges:
            if out and _close(out[-1][1], lo):
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    def _covers(
        self, tx: ManagedTransaction, spans: list[tuple[str, str]]
    ) -> list[tuple[Key | None, Key | None, list[Key]]]:
        """Per span: the round just before it, the round just after it (None at either end of
        the sequence) and the orderable rounds within it. One query each, with the bounds as
        parameters: the engine serves a range on the index only from parameters."""
        out: list[tuple[Key | None, Key | None, list[Key]]] = []
        for lo, hi in spans:
            rows = tx.run(catalog.render("read_round_segments"), lo=lo, hi=hi, **_params())
            members = [(r["date"], r["id"]) for r in rows]
            floors = [_shift(lo, -d, NO_FLOOR) for d in WINDOWS]
            ceils = [_shift(hi, d, NO_CEIL) for d in WINDOWS]
            before = _neighbour(tx, "read_round_before", ("lo", lo), "floor", floors)
            after = _neighbour(tx, "read_round_after", ("hi", hi), "ceil", ceils)
            out.append((before, after, members))
        return out


def _neighbour(
    tx: ManagedTransaction, name: str, edge: tuple[str, str], far: str, windows: list[str]
) -> Key | None:
    """The round next to a stretch on one side (`edge`: the parameter and date of the stretch's
    end), in windows whose far end (`far`) grows through `windows`, then no bound at all."""
    unbounded = NO_FLOOR if far == "floor" else NO_CEIL
    for limit in [*dict.fromkeys(windows), unbounded]:
        params = {edge[0]: edge[1], far: limit, **_params()}
        row = tx.run(catalog.render(name), params).single()
        if row is not None:
            return (row["date"], row["id"])
        if limit == unbounded:
            break
    return None


def _merge_covers(
    covers: list[tuple[Key | None, Key | None, list[Key]]],
) -> list[tuple[Key | None, Key | None, list[Key]]]:
    """Joins the covers that overlap: each cover holds every orderable round from its start to
    its end, so the rounds of overlapping covers, sorted, are the sequence over their union."""
    low: Key = ("", "")

    def start_of(c: tuple[Key | None, Key | None, list[Key]]) -> Key:
        return c[0] or (c[2][0] if c[2] else low)

    out: list[tuple[Key | None, Key | None, list[Key]]] = []
    for start, end, members in sorted(covers, key=start_of):
        if out:
            p_start, p_end, p_members = out[-1]
            if p_end is None or start is None or start <= p_end:
                ends = [e for e in (p_end, end) if e is not None]
                joined_end = max(ends) if p_end is not None and end is not None else None
                out[-1] = (p_start, joined_end, p_members + members + ends)
                continue
        out.append((start, end, list(members)))
    return out


def derive_all(tx: ManagedTransaction) -> int:
    """Derives the whole sequence again from every round; returns the links."""
    tx.run(catalog.render("delete_derived_sequence")).consume()
    row = tx.run(
        catalog.render("derive_round_sequence"), rule=ROUND_SEQUENCE_RULE, **_params()
    ).single()
    return int(row["linked"]) if row else 0
