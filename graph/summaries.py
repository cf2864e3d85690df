"""Summaries the writer keeps on entities, in the transaction of each write.

Every entity keeps `event_count`, the distinct events it took part in, hosted or is joined to
by a fact. A busy entity (mentioned by at least BUSY articles) also keeps its latest articles
and latest events, newest first (undated last, then by id), as parallel lists of ids and dates
(`latest_articles`/`latest_article_dates`, `latest_events`/`latest_event_dates`), so that a
profile reads a bounded number of rows whatever the entity's degree.

The same transaction keeps the entities' names as indexed SearchKey nodes (graph.keys).

A list holds the true first `len(list)` items of the entity, at most KEEP. `EntitySummaries.note`
reads, before a write, the links of the events and the summaries of the entities the write can
change (those of its articles, and of the articles it retracts); `apply` reads the links again
after the write and moves the counts and lists by the difference: a new or re-dated item goes
in when it ranks above the list's last one (or the list held everything), a retracted one goes
out, and a list that falls below SERVED items while the entity has more is read again from the
graph. An entity that becomes busy gets its lists from the graph once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.changes import Touched
from graph.cypher import catalog
from graph.keys import sync_keys
from graph.models import ArticleFacts, NodeLabel, Predicate
from graph.relation_summaries import RelationSummaries

BUSY = 64  # articles mentioning an entity before it keeps latest lists
KEEP = 150  # items a latest list keeps
SERVED = 101  # items a list must hold to answer a first page (100 and one to tell more)

Item = tuple[str | None, str]  # (date, id)
REREAD = object()  # a list ran short: read the entity's summary from the graph again
GROUP_PREDICATES = (Predicate.MEMBER_OF, Predicate.LEADS)  # who a delegation holds


def ordered(items: Iterable[Item]) -> list[Item]:
    """Newest first, undated last, then by id: the order of a profile's lists."""
    out = sorted(items, key=lambda x: x[1])
    out.sort(key=lambda x: x[0] or "", reverse=True)  # stable: ties stay in id order
    return out


def _ranks_before(a: Item, b: Item) -> bool:
    return ordered([b, a])[0] == a and a != b


@dataclass
class Latest:
    """One latest list as it changes within a write."""

    items: list[Item]
    complete: bool  # the list held every item of the entity before the write
    changed: bool = False

    def remove(self, item_id: str) -> None:
        kept = [x for x in self.items if x[1] != item_id]
        self.changed |= len(kept) != len(self.items)
        self.items = kept

    def put(self, item: Item, boundary: Item | None) -> None:
        """Adds `item` (replacing one of the same id) if it ranks above `boundary`, the last
        item the list held before the write (None when the list held everything)."""
        self.remove(item[1])
        if boundary is None or _ranks_before(item, boundary):
            self.items.append(item)
            self.changed = True

    def settle(self) -> None:
        """Orders the list and keeps its first KEEP items, once every change is in: cutting it
        earlier could drop an item that a later change (a re-dated item moving down) brings
        back into the first KEEP."""
        self.items = ordered(self.items)[:KEEP]

    def boundary(self) -> Item | None:
        """The last item held before the write; None when the list held everything."""
        return None if self.complete or not self.items else self.items[-1]

    def needs_reading(self, total: int) -> bool:
        return len(self.items) < min(SERVED, total)


def _pairs(lists: list[Any] | None, dates: list[Any] | None) -> list[Item]:
    ids = list(lists or [])
    when = list(dates or [])
    return [(when[i] or None if i < len(when) else None, ids[i]) for i in range(len(ids))]


@dataclass
class EntitySummaries:
    """What one write touches of the entities' summaries, noted before it."""

    events: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    retracted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    links: dict[str, tuple[str | None, set[str]]] = field(default_factory=dict)
    before: dict[str, dict[str, Any]] = field(default_factory=dict)
    published: dict[str, dict[str, str | None]] = field(default_factory=lambda: defaultdict(dict))
    touched: Touched = field(default_factory=Touched)  # what the write touches (graph.changes)
    relations: RelationSummaries = field(default_factory=RelationSummaries)
    previous: str | None = None  # the graph's revision before the write

    @classmethod
    def note(
        cls, tx: ManagedTransaction, batch: Sequence[ArticleFacts], retracted: Iterable[str] = ()
    ) -> EntitySummaries:
        """Before a write of `batch` (the articles to write) that retracts `retracted`."""
        s = cls()
        row = tx.run(catalog.render("read_revision")).single()
        s.previous = str(row["revision"]) if row and row["revision"] is not None else None
        touched = s.touched
        for article in dict.fromkeys(retracted):
            s._note_retracted(tx, article)
        written = _written(tx, batch)
        last = {id(f): f.article.id for f in {f.article.id: f for f in written}.values()}
        for facts in batch:
            a = facts.article
            touched.articles.add(a.id)
            s.events.update(v.id for v in facts.events)
            for e in facts.entities:
                s.entities.add(e.id)
                if id(facts) in last:
                    s.published[e.id][a.id] = a.published
                elif any(f is facts for f in written):  # a later version replaces this one
                    s.retracted[e.id].add(a.id)
            _note_facts(touched, facts)
        s.links = _read_links(tx, s.events)
        s.entities.update(_linked(s.links))
        if s.entities:
            query = catalog.render("read_entity_summaries")
            s.before = {r["id"]: r.data() for r in tx.run(query, ids=sorted(s.entities))}
        busy = {e for e, r in s.before.items() if r["articles"] is not None}
        s.relations = RelationSummaries.note(tx, busy, s.events | touched.events, batch, retracted)
        return s

    def _note_retracted(self, tx: ManagedTransaction, article: str) -> None:
        """The nodes an article to be retracted mentions."""
        self.touched.articles.add(article)
        self.touched.members = True  # what it stated of delegations is not read back
        for r in tx.run(catalog.render("read_article_nodes"), article=article):
            if str(NodeLabel.EVENT) in r["labels"]:
                self.events.add(r["id"])
            elif str(NodeLabel.ENTITY) in r["labels"]:
                self.entities.add(r["id"])
                self.retracted[r["id"]].add(article)
            elif str(NodeLabel.ISSUE) in r["labels"]:
                self.touched.issues.add(r["id"])

    def apply(self, tx: ManagedTransaction, relinked: Iterable[str] = ()) -> None:
        """After the write: the counts and lists moved by what it changed; then what it touched
        (with `relinked`, the rounds whose sequence it relinked) is recorded (graph.changes)."""
        after = _read_links(tx, self.events)
        now = self._move(tx, after) if self.entities else {}
        self._record(tx, after, now, relinked)

    def _record(
        self,
        tx: ManagedTransaction,
        after: dict[str, tuple[str | None, set[str]]],
        now: dict[str, dict[str, Any]],
        relinked: Iterable[str],
    ) -> None:
        """Records what the write touched: its own, the entities joined to its events before and
        after it, the relinked rounds and, for a re-dated event, the events a fact joins to it."""
        touched = self.touched
        touched.entities.update(self.entities, _linked(after))
        touched.events.update(self.events, relinked)
        redated = []
        for vid in self.events:
            old, new = self.links.get(vid), after.get(vid)
            touched.date((old is not None, old and old[0]), (new is not None, new and new[0]))
            if old is not None and new is not None and old[0] != new[0]:
                redated.append(vid)
        if redated:
            for r in tx.run(catalog.render("read_event_neighbours"), ids=sorted(redated)):
                touched.events.update(r["ids"])
        for eid in set(self.published) | set(self.retracted):
            for row in (self.before.get(eid), now.get(eid)):
                touched.keys.update((row or {}).get("search_keys") or ())
        touched.record(tx, self.previous)

    def _move(
        self, tx: ManagedTransaction, after: dict[str, tuple[str | None, set[str]]]
    ) -> dict[str, dict[str, Any]]:
        """Moves the counts, keys and lists of the entities; their rows after the write."""
        added, removed, delta = self._changes(after)
        query = catalog.render("read_entity_counts")
        now = {r["id"]: r.data() for r in tx.run(query, ids=sorted(self.entities))}
        self._count(tx, now, delta)
        sync_keys(
            tx,
            {e: r["search_keys"] for e, r in self.before.items()},
            {e: r["search_keys"] for e, r in now.items()},
        )
        out = []
        fresh = set()  # entities whose summaries are read whole: new to it, or made again
        for eid, row in sorted(now.items()):
            before = self.before.get(eid)
            summary: object = None
            if before is not None and before["articles"] is not None:
                summary = self._moved(before, row, added[eid], removed[eid])
                if not row["summarised"]:  # the node was made again
                    summary = REREAD
                    fresh.add(eid)
                if summary is REREAD:
                    summary = _read_summary(tx, eid)
            elif (row["article_count"] or 0) >= BUSY:
                summary = _read_summary(tx, eid)
                fresh.add(eid)
            if isinstance(summary, dict):
                out.append(summary)
        if out:
            tx.run(catalog.render("merge_entity_summaries"), rows=out).consume()
        self.relations.apply(tx, self.before, fresh, set(now))
        return now

    def _count(
        self, tx: ManagedTransaction, now: dict[str, dict[str, Any]], delta: dict[str, int]
    ) -> None:
        """Sets the event counts the write changed (in `now` too), from the counts before it:
        an entity the write deleted and made again (its only article replaced) starts from 0."""
        rows = []
        for eid, row in sorted(now.items()):
            count = int((self.before.get(eid) or {}).get("event_count") or 0) + delta[eid]
            if row["event_count"] != count:
                rows.append({"id": eid, "count": count})
                row["event_count"] = count
        if rows:
            tx.run(catalog.render("merge_entity_event_counts"), rows=rows).consume()

    def _changes(
        self, after: dict[str, tuple[str | None, set[str]]]
    ) -> tuple[dict[str, list[Item]], dict[str, list[str]], dict[str, int]]:
        """Per entity: the events linked or re-dated, the events unlinked, the count's change."""
        added: dict[str, list[Item]] = defaultdict(list)
        removed: dict[str, list[str]] = defaultdict(list)
        delta: dict[str, int] = defaultdict(int)
        for vid in self.events:
            old_date, old = self.links.get(vid, (None, set()))
            new_date, new = after.get(vid, (None, set()))
            for e in old - new:
                delta[e] -= 1
                removed[e].append(vid)
            for e in new - old:
                delta[e] += 1
                added[e].append((new_date, vid))
            if old_date != new_date:
                for e in old & new:
                    added[e].append((new_date, vid))
        return added, removed, delta

    def _moved(
        self,
        before: dict[str, Any],
        now: dict[str, Any],
        added: list[Item],
        removed: list[str],
    ) -> dict[str, Any] | object | None:
        """The entity's new summary row, None when unchanged, REREAD when a list ran short."""
        eid = str(now["id"])
        articles = _latest(before["articles"], before["article_dates"], before["article_count"])
        boundary = articles.boundary()
        for aid in self.retracted.get(eid, ()):
            articles.remove(aid)
        for aid, published in self.published.get(eid, {}).items():
            articles.put((published, aid), boundary)
        events = _latest(before["events"], before["event_dates"], before["event_count"])
        boundary = events.boundary()
        for vid in removed:
            events.remove(vid)
        for item in added:
            events.put(item, boundary)
        articles.settle()
        events.settle()
        if articles.needs_reading(now["article_count"] or 0) or events.needs_reading(
            now["event_count"] or 0
        ):
            return REREAD
        if not (articles.changed or events.changed):
            return None
        return _summary_row(eid, articles.items, events.items)


def _latest(ids: list[Any] | None, dates: list[Any] | None, total: Any) -> Latest:
    items = _pairs(ids, dates)
    return Latest(items=items, complete=len(items) >= int(total or 0))


def _summary_row(eid: str, articles: list[Item], events: list[Item]) -> dict[str, Any]:
    return {
        "id": eid,
        "articles": [x[1] for x in articles],
        "article_dates": [x[0] or "" for x in articles],
        "events": [x[1] for x in events],
        "event_dates": [x[0] or "" for x in events],
    }


def _read_summary(tx: ManagedTransaction, eid: str) -> dict[str, Any]:
    """An entity's latest lists read from the graph (when it becomes busy, or a list ran short)."""
    articles = tx.run(catalog.render("read_entity_latest_articles"), id=eid, limit=KEEP)
    events = tx.run(catalog.render("read_entity_latest_events"), id=eid, limit=KEEP)
    return _summary_row(
        eid,
        ordered((r["date"], r["id"]) for r in articles),
        ordered((r["date"], r["id"]) for r in events),
    )


def _read_links(
    tx: ManagedTransaction, events: Iterable[str]
) -> dict[str, tuple[str | None, set[str]]]:
    ids = sorted(events)
    if not ids:
        return {}
    rows = tx.run(catalog.render("read_summary_links"), ids=ids)
    return {r["id"]: (r["date"], {e for e in r["entities"] if e}) for r in rows}


def _written(tx: ManagedTransaction, batch: Sequence[ArticleFacts]) -> list[ArticleFacts]:
    """The versions of the batch's articles that the write writes, in order: each whose content
    differs from the version before it (stored, or earlier in the batch)."""
    if not batch:
        return []
    ids = sorted({f.article.id for f in batch})
    rows = tx.run(catalog.render("read_article_hashes"), ids=ids)
    current = {r["id"]: r["content_hash"] for r in rows}
    out = []
    for f in batch:
        if current.get(f.article.id) != f.article.content_hash:
            out.append(f)
            current[f.article.id] = f.article.content_hash
    return out


def _linked(links: dict[str, tuple[str | None, set[str]]]) -> set[str]:
    return {e for _, entities in links.values() for e in entities}


def _note_facts(touched: Touched, facts: ArticleFacts) -> None:
    """The nodes one article's facts name, and whether they state whom a group holds (a
    delegation's members count on the roll calls of the rounds it attended)."""
    touched.entities.update(e.id for e in facts.entities)
    for v in facts.events:
        touched.entities.update(p.entity_id for p in v.participants)
        if v.place_id is not None:
            touched.entities.add(v.place_id)
    for r in facts.relations:
        for node, label in ((r.subject_id, r.subject_label), (r.target_id, r.target_label)):
            {
                NodeLabel.ENTITY: touched.entities,
                NodeLabel.EVENT: touched.events,
                NodeLabel.ISSUE: touched.issues,
            }.get(label, touched.issues).add(node)
        touched.members |= r.predicate in GROUP_PREDICATES
