"""Restoring the graph from an export: the inverse of `graph.export.read_document`.

The export lists, for every node and edge, the articles that state it and, in its `evidence`
list, every sentence with its offsets. `facts_of_document` rebuilds each article's ArticleFacts
from those lists and `import_document` writes them with `GraphStore.write_article`, one
transaction per article, in an order that keeps every provenance list in its exported order;
the graph it builds exports to the same document.
"""

from __future__ import annotations

import graphlib
import itertools
import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from graph.driver import first_line
from graph.errors import GraphError
from graph.models import (
    Article,
    ArticleFacts,
    Claimant,
    ClaimStatus,
    Entity,
    Event,
    Evidence,
    NodeLabel,
    Participant,
    Predicate,
    Relation,
    fact_key,
    issue_id,
    participation_key,
)

if TYPE_CHECKING:
    from graph.store import GraphStore

log = logging.getLogger(__name__)
Row = dict[str, Any]
REQUIRED = ("articles", "entities", "events", "relations", "evidence")
ARTICLE_FIELDS = ("content_hash", "text")


class InvalidBackup(GraphError):
    """The document is not a full export of the graph; the message says what is wrong."""


@dataclass
class ImportReport:
    """What an import wrote."""

    articles: int = 0
    unchanged: int = 0
    entities: int = 0
    events: int = 0
    relations: int = 0
    seconds: float = 0.0
    statuses: dict[str, str] = field(default_factory=dict)


def check_document(doc: object) -> dict[str, list[Row]]:
    """The document's lists; InvalidBackup naming the first thing that makes it unusable."""
    if not isinstance(doc, dict):
        raise InvalidBackup(f"expected a JSON object, found {type(doc).__name__}")
    for key in REQUIRED:
        value = doc.get(key)
        if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
            raise InvalidBackup(
                f"{key!r} is missing or not a list of objects: a backup is a file written by "
                "`kg export` (a facts file written by hand or by an older export cannot be "
                "imported)"
            )
    for row in doc["articles"]:
        missing = [k for k in ("id", *ARTICLE_FIELDS) if not isinstance(row.get(k), str)]
        if missing:
            raise InvalidBackup(
                f"article {row.get('id')!r} has no {', '.join(missing)}: "
                "the file is not a full export"
            )
    return {key: doc[key] for key in REQUIRED}


def write_order(doc: dict[str, list[Row]]) -> list[str]:
    """Article ids in an order consistent with every provenance list of the document."""
    order: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for aid in sorted(a["id"] for a in doc["articles"]):
        order.add(aid)
    # Node lists are sorted by id; edge lists keep the order their articles were written in.
    lists = [row.get("articles") or [] for row in doc["relations"]]
    for ev in doc["events"]:
        lists += [p.get("articles") or [] for p in ev.get("participants") or []]
        lists += [p.get("articles") or [] for p in ev.get("places") or []]
    for ids in lists:
        for before, after in itertools.pairwise(ids):
            order.add(after, before)
    try:
        return list(order.static_order())
    except graphlib.CycleError:
        log.warning("provenance lists disagree on the order of articles; writing them by id")
        return sorted(a["id"] for a in doc["articles"])


def _evidence_index(rows: list[Row]) -> dict[tuple[str, str], list[Evidence]]:
    index: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for r in rows:
        ev = Evidence(
            article_id=r["article"],
            sentence=r["sentence"],
            start=r["start"],
            end=r["end"],
            confidence=r["confidence"],
            claimant=Claimant.model_validate(r["claimant"]) if r.get("claimant") else None,
            status=r.get("status"),
        )
        index[(r["fact"], r["article"])].append(ev)
    return index


def _status_of(row: Row, aid: str) -> ClaimStatus:
    """How article `aid` presents the fact of `row` (stated unless its export says otherwise)."""
    return ClaimStatus((row.get("article_statuses") or {}).get(aid) or ClaimStatus.STATED)


def _by_article(rows: list[Row]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for aid in row.get("articles") or []:
            out[aid].append(row)
    return out


class _Rebuilder:
    """Builds one article's facts from the document's indexes."""

    def __init__(self, doc: dict[str, list[Row]]) -> None:
        self.articles = {a["id"]: a for a in doc["articles"]}
        self.evidence = _evidence_index(doc["evidence"])
        self.entities = _by_article(doc["entities"])
        self.events = _by_article(doc["events"])
        self.relations = _by_article(doc["relations"])
        self.event_ids = {e["id"] for e in doc["events"]}

    def facts(self, aid: str) -> ArticleFacts:
        a = self.articles[aid]
        article = Article(
            id=aid,
            title=a.get("title"),
            source=a.get("source"),
            url=a.get("url"),
            author=a.get("author"),
            published=a.get("published"),
            content_hash=a["content_hash"],
            text=a["text"],
        )
        entities = tuple(
            Entity(
                id=e["id"],
                type=e["type"],
                name=e["name"],
                aliases=tuple(e["aliases"]),
                roles=tuple(e["roles"]),
                evidence=tuple(self.evidence[(e["id"], aid)]),
            )
            for e in self.entities[aid]
        )
        events = tuple(self._event(v, aid) for v in self.events[aid])
        relations = tuple(r for row in self.relations[aid] for r in self._relations(row, aid))
        return ArticleFacts(article=article, entities=entities, events=events, relations=relations)

    def _event(self, v: Row, aid: str) -> Event:
        place = next((p["place"] for p in v.get("places") or [] if aid in p["articles"]), None)
        participants: list[Participant] = []
        for p in v["participants"]:
            if aid not in p["articles"]:
                continue
            quotes: list[Evidence | None] = [
                *self.evidence[(participation_key(p["entity"], p["role"], v["id"]), aid)]
            ] or [None]
            participants += [
                Participant(entity_id=p["entity"], role=p["role"], evidence=q) for q in quotes
            ]
        return Event(
            id=v["id"],
            kind=v["kind"],
            label=v["label"],
            date=v["date"],
            date_precision=v["date_precision"],
            place_id=place,
            participants=tuple(participants),
            evidence=tuple(self.evidence[(v["id"], aid)]),
            status=_status_of(v, aid),
        )

    def _relations(self, row: Row, aid: str) -> Iterator[Relation]:
        subject, obj, text = row["subject"], row["object"], row["object_text"]
        target = obj if obj is not None else issue_id(text)
        key = fact_key(subject, Predicate(row["predicate"]), target)
        quotes = self.evidence[(key, aid)]
        if not quotes:
            raise InvalidBackup(f"relation {key!r} of article {aid!r} has no evidence sentence")
        for q in quotes:
            yield Relation(
                subject_id=subject,
                subject_label=self._label(subject),
                predicate=row["predicate"],
                object_id=obj,
                object_label=self._label(obj) if obj is not None else NodeLabel.ENTITY,
                object_text=None if obj is not None else text,
                evidence=q,
                status=_status_of(row, aid),
            )

    def _label(self, node_id: str) -> NodeLabel:
        return NodeLabel.EVENT if node_id in self.event_ids else NodeLabel.ENTITY


def facts_of_document(doc: object) -> Iterator[ArticleFacts]:
    """Each article's facts, rebuilt from a full export, in write order."""
    lists = check_document(doc)
    rebuild = _Rebuilder(lists)
    for aid in write_order(lists):
        try:
            yield rebuild.facts(aid)
        except (ValidationError, KeyError, TypeError, ValueError) as e:
            raise InvalidBackup(
                f"article {aid!r} cannot be rebuilt from the file: {first_line(e)}"
            ) from e


def import_document(
    store: GraphStore, doc: object, *, allow_existing: bool = False
) -> ImportReport:
    """Writes every article of a full export into the graph; the graph must be empty unless
    `allow_existing`."""
    started = time.perf_counter()
    if not allow_existing:
        present = store.counts()["Article"]
        if present:
            raise InvalidBackup(
                f"the graph already holds {present} articles: import into an empty database "
                "(`kg db reset --yes`), or pass --merge to add the file's articles to it"
            )
    report = ImportReport()
    facts_list = list(facts_of_document(doc))
    for facts in facts_list:
        status = store.write_article(facts)
        report.statuses[facts.article.id] = str(status)
        if status == "unchanged":
            report.unchanged += 1
        else:
            report.articles += 1
    lists = check_document(doc)
    report.entities, report.events = len(lists["entities"]), len(lists["events"])
    report.relations = len(lists["relations"])
    report.seconds = time.perf_counter() - started
    return report


def article_footprints(doc: dict[str, list[Row]]) -> dict[str, frozenset[tuple[Any, ...]]]:  # noqa: C901
    """Per article id, everything the document says that article stated: its metadata, the
    nodes and edges listing it, and its evidence sentences. Two graphs hold an article intact
    and alike when its footprints are equal."""
    prints: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
    for a in doc["articles"]:
        prints[a["id"]].add(("article", *sorted((k, str(v)) for k, v in a.items())))
    for e in doc["entities"]:
        for aid in e["articles"]:
            prints[aid].add(("entity", e["id"]))
    for v in doc["events"]:
        for aid in v["articles"]:
            prints[aid].add(("event", v["id"], str(_status_of(v, aid))))
        for p in v["participants"]:
            for aid in p.get("articles") or []:
                prints[aid].add(("participant", v["id"], p["entity"], p["role"]))
        for p in v.get("places") or []:
            for aid in p["articles"]:
                prints[aid].add(("place", v["id"], p["place"]))
    for r in doc["relations"]:
        for aid in r["articles"]:
            prints[aid].add(
                (
                    "relation",
                    r["subject"],
                    r["predicate"],
                    r["object"],
                    r["object_text"],
                    str(_status_of(r, aid)),
                )
            )
    for ev in doc.get("evidence") or []:
        prints[ev["article"]].add(
            ("evidence", ev["fact"], ev["sentence"], ev["start"], ev["end"], ev["confidence"])
        )
    return {aid: frozenset(p) for aid, p in prints.items()}


def duplicate_keys(doc: dict[str, list[Row]]) -> list[str]:
    """Keys listed twice in a document (article, entity and event ids, relation keys, evidence)."""
    keys: list[str] = [f"article {a['id']}" for a in doc["articles"]]
    keys += [f"node {e['id']}" for e in doc["entities"]]
    keys += [f"node {v['id']}" for v in doc["events"]]
    keys += [
        f"relation {r['subject']}|{r['predicate']}|{r['object'] or r['object_text']}"
        for r in doc["relations"]
    ]
    keys += [f"evidence {e['fact']}|{e['article']}|{e['start']}" for e in doc.get("evidence") or []]
    return sorted(k for k, n in Counter(keys).items() if n > 1)
