"""The first fact edges of busy entities, kept by the writer beside graph.summaries' lists.

A busy entity (one that keeps latest lists) also keeps how many fact edges it has each way
(`fact_out`, `fact_in`) and the first KEEP of each way in the order a profile lists them
(`latest_out`, `latest_in`: items 'TYPE|Label|other id', with the other end's date, '' when it
has none, in `latest_out_dates`, `latest_in_dates`): edges to undated nodes first, then the
newest, then by the other end's id and the type. A profile then reads those edges by their other
end instead of sorting every edge of the entity (75,000 on the busiest at 100k events).

A write changes an entity's fact edges in two ways, each read before and after it from the
narrow end: the edges between entities and the events it touches (from the events' side: an
event has a handful), dates included; and the edges from entities to entities or issues that its
articles state, or that the articles it retracts stated (by their facts' keys, from the object's
side). An item that appears goes in when it ranks above the last item held (or the list held
every edge), one that goes is taken out, and a list left with fewer than SERVED items while the
entity has more is read again from the graph, as is the summary of an entity that has none yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher import catalog
from graph.models import ArticleFacts, NodeLabel, Predicate

KEEP = 250  # edges a list keeps each way
SERVED = 201  # edges a list must hold to answer a profile's first page (200 and one to tell more)
DIRECTIONS = ("out", "in")
PREDICATES = {p.value for p in Predicate}
Item = tuple[str, str]  # (the other end's date or '', 'TYPE|Label|other id')
Pair = tuple[str, str, str]  # (subject id, predicate, object id) of an edge between non-events


def item_of(type_: str, label: str, other: str, date: str | None) -> Item:
    """One kept edge: its sort date and its identity."""
    return (date or "", f"{type_}|{label}|{other}")


def parse_item(item: str) -> tuple[str, str, str]:
    """(type, label, other id) of an item's identity."""
    type_, label, other = item.split("|", 2)
    return type_, label, other


def ordered(items: Iterable[Item]) -> list[Item]:
    """The profile's order: undated ends first, then the newest, then other id and type."""
    out = sorted(items, key=lambda x: (parse_item(x[1])[2], parse_item(x[1])[0]))
    out.sort(key=lambda x: x[0], reverse=True)  # stable: ties keep (other id, type) order
    out.sort(key=lambda x: x[0] != "")  # undated first
    return out


def _ranks_before(a: Item, b: Item) -> bool:
    return a != b and ordered([b, a])[0] == a


@dataclass
class Kept:
    """One direction's kept list as a write changes it."""

    items: list[Item]
    count: int
    complete: bool

    def boundary(self) -> Item | None:
        return None if self.complete or not self.items else self.items[-1]

    def move(self, before: dict[str, str], after: dict[str, str]) -> bool:
        """Applies the edges that went, came or were re-dated; whether the list changed."""
        boundary = self.boundary()
        changed = False
        for ident in before.keys() - after.keys():
            self.count -= 1
            changed |= self._remove(ident)
        for ident, date in after.items():
            if ident not in before:
                self.count += 1
            elif before[ident] == date:
                continue
            changed |= self._remove(ident)
            item = (date, ident)
            if boundary is None or _ranks_before(item, boundary):
                self.items.append(item)
                changed = True
        self.items = ordered(self.items)[:KEEP]
        return changed or before.keys() != after.keys()

    def _remove(self, ident: str) -> bool:
        kept = [x for x in self.items if x[1] != ident]
        removed = len(kept) != len(self.items)
        self.items = kept
        return removed

    def short(self) -> bool:
        return len(self.items) < min(SERVED, self.count)


@dataclass
class RelationSummaries:
    """The fact edges of the busy entities one write touches, read before it."""

    busy: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    pairs: dict[str, list[Pair]] = field(default_factory=dict)  # by object label
    before: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    @classmethod
    def note(
        cls,
        tx: ManagedTransaction,
        busy: Iterable[str],
        events: Iterable[str],
        batch: Sequence[ArticleFacts],
        retracted: Iterable[str],
    ) -> RelationSummaries:
        """Before a write: the edges of the `busy` entities it can change."""
        s = cls(busy=set(busy), events=sorted(events))
        if not s.busy:
            return s
        for s_id, type_, o_id, label in sorted(_pairs(tx, batch, retracted)):
            if s_id in s.busy or o_id in s.busy:
                s.pairs.setdefault(label, []).append((s_id, type_, o_id))
        s.before = s._read(tx)
        return s

    def _read(self, tx: ManagedTransaction) -> dict[str, dict[str, dict[str, str]]]:
        """Per busy entity and direction: the identities of its edges the write can change,
        with the other end's date."""
        out: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: {"out": {}, "in": {}})
        if self.events:
            query = catalog.render("read_event_fact_ends")
            for r in tx.run(query, ids=self.events, busy=sorted(self.busy)):
                date, ident = item_of(r["type"], NodeLabel.EVENT.value, r["event"], r["date"])
                out[r["entity"]][r["direction"]][ident] = date
        for label, pairs in self.pairs.items():
            rows = [{"subject": a, "type": t, "object": b} for a, t, b in pairs]
            query = catalog.render("read_fact_pairs", to=NodeLabel(label))
            for r in tx.run(query, pairs=rows):
                a, t, b = r["subject"], r["type"], r["object"]
                if a in self.busy:
                    out[a]["out"][item_of(t, label, b, None)[1]] = ""
                if b in self.busy:
                    out[b]["in"][item_of(t, NodeLabel.ENTITY.value, a, None)[1]] = ""
        return out

    def apply(
        self,
        tx: ManagedTransaction,
        rows: dict[str, dict[str, Any]],
        fresh: Iterable[str],
        alive: set[str],
    ) -> None:
        """After the write: moves the kept lists of the busy entities, from their summary rows
        before it (`rows`, as read_entity_summaries gives them), and reads whole those of the
        `fresh` entities (new to a summary, or made again); of the entities `alive` only."""
        fresh = set(fresh)
        after = self._read(tx) if self.busy - fresh else {}
        out = [read_relation_summary(tx, eid) for eid in sorted(fresh & alive)]
        for eid in sorted((self.busy - fresh) & alive):
            row = rows.get(eid) or {}
            if row.get("latest_out") is None:
                out.append(read_relation_summary(tx, eid))
                continue
            changed = False
            lists = {}
            for way in DIRECTIONS:
                kept = _kept(row, way)
                was = self.before.get(eid, {}).get(way, {})
                now = after.get(eid, {}).get(way, {})
                changed |= kept.move(was, now)
                lists[way] = kept
            if any(k.short() for k in lists.values()):
                out.append(read_relation_summary(tx, eid))
            elif changed:
                out.append(_row(eid, lists["out"], lists["in"]))
        if out:
            tx.run(catalog.render("merge_relation_summaries"), rows=out).consume()


def _pairs(
    tx: ManagedTransaction, batch: Sequence[ArticleFacts], retracted: Iterable[str]
) -> set[tuple[str, str, str, str]]:
    """(subject, type, object, object label) of the edges from entities to entities or issues
    the articles of `batch` state and those of `retracted` stated (of unknown label: both)."""
    pairs: set[tuple[str, str, str, str]] = set()
    for facts in batch:
        for r in facts.relations:
            if r.subject_label is NodeLabel.ENTITY and r.target_label is not NodeLabel.EVENT:
                pairs.add((r.subject_id, r.predicate.value, r.target_id, r.target_label.value))
    for article in retracted:
        for row in tx.run(catalog.render("read_article_facts"), article=article):
            parts = str(row["fact"]).split("|")
            if len(parts) == 3 and parts[1] in PREDICATES:
                for label in (NodeLabel.ENTITY, NodeLabel.ISSUE):
                    pairs.add((parts[0], parts[1], parts[2], label.value))
    return pairs


def _kept(row: dict[str, Any], way: str) -> Kept:
    """One direction's list as a summary row held it before the write."""
    ids = list(row[f"latest_{way}"] or [])
    dates = list(row[f"latest_{way}_dates"] or [])
    count = int(row[f"fact_{way}"] or 0)
    items = [(dates[i] if i < len(dates) else "", ids[i]) for i in range(len(ids))]
    return Kept(items=items, count=count, complete=len(items) >= count)


def _row(eid: str, out: Kept, in_: Kept) -> dict[str, Any]:
    return {
        "id": eid,
        "fact_out": out.count,
        "fact_in": in_.count,
        "latest_out": [x[1] for x in out.items],
        "latest_out_dates": [x[0] for x in out.items],
        "latest_in": [x[1] for x in in_.items],
        "latest_in_dates": [x[0] for x in in_.items],
    }


def read_relation_summary(tx: ManagedTransaction, eid: str) -> dict[str, Any]:
    """An entity's kept fact edges read from the graph (when it becomes busy, or a list ran
    short): its counts each way and the first KEEP edges of each."""
    row = tx.run(catalog.render("count_node_relations", from_=NodeLabel.ENTITY), id=eid).single()
    counts = {"out": int(row["out_count"]) if row else 0, "in": int(row["in_count"]) if row else 0}
    query = catalog.render("read_node_relations", from_=NodeLabel.ENTITY)
    lists: dict[str, list[Item]] = {"out": [], "in": []}
    for r in tx.run(query, id=eid, skip_out=0, skip_in=0, max_rows=KEEP):
        label = next((x for x in r["other_labels"] if x in {n.value for n in NodeLabel}), "Node")
        lists[r["direction"]].append(item_of(r["type"], label, r["other_id"], r["other_date"]))
    return _row(
        eid,
        Kept(ordered(lists["out"]), counts["out"], True),
        Kept(ordered(lists["in"]), counts["in"], True),
    )
