"""The facts document of FORMAT.md, built from extracted facts in memory or read back from the graph.

`facts_document` merges the facts of many articles exactly as the graph's writes do (nodes by id,
edges by key, provenance lists unioned), so an export of the database and the in-memory merge of
the same facts are the same document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.cypher import catalog
from graph.models import ArticleFacts, NodeLabel, Predicate

if TYPE_CHECKING:
    from graph.store import GraphStore

FactsDoc = dict[str, list[dict[str, Any]]]
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _union(into: list[str], values: Iterable[str]) -> None:
    for v in values:
        if v not in into:
            into.append(v)


def facts_document(facts: Iterable[ArticleFacts]) -> FactsDoc:
    """Merge the facts of many articles into one FORMAT.md document."""
    articles: dict[str, dict[str, Any]] = {}
    entities: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    relations: dict[str, dict[str, Any]] = {}
    for f in facts:
        a = f.article
        aid = a.id
        articles[aid] = {"id": aid, "published": a.published, "source": a.source, "title": a.title}
        for e in f.entities:
            row = entities.setdefault(
                e.id,
                {"id": e.id, "type": str(e.type), "name": e.name, "aliases": [], "roles": [],
                 "articles": []},
            )
            _union(row["aliases"], e.aliases)
            _union(row["roles"], e.roles)
            _union(row["articles"], [aid])
        for v in f.events:
            row = events.setdefault(
                v.id,
                {"id": v.id, "kind": str(v.kind), "label": v.label, "date": None,
                 "date_precision": None, "place": None, "participants": [], "articles": []},
            )
            if v.date is not None and _finer(v.date_precision, row["date_precision"]):
                row["date"], row["date_precision"] = v.date, str(v.date_precision)
            if row["place"] is None and v.place_id is not None:
                row["place"] = v.place_id
            for p in v.participants:
                part = {"entity": p.entity_id, "role": str(p.role)}
                if part not in row["participants"]:
                    row["participants"].append(part)
            _union(row["articles"], [aid])
        for r in f.relations:
            rel = relations.setdefault(
                r.key,
                {"subject": r.subject_id, "predicate": str(r.predicate), "object": r.object_id,
                 "object_text": r.object_text, "articles": [], "evidence": None, "_first": None},
            )
            _union(rel["articles"], [aid])
            first = (r.evidence.article_id, r.evidence.start)
            if rel["_first"] is None or first < rel["_first"]:
                rel["_first"], rel["evidence"] = first, r.evidence.sentence
    for row in events.values():
        row["participants"].sort(key=lambda p: (p["entity"], p["role"]))
    for rel in relations.values():
        del rel["_first"]
    return {
        "articles": sorted(articles.values(), key=lambda x: x["id"]),
        "entities": sorted(entities.values(), key=lambda x: x["id"]),
        "events": sorted(events.values(), key=lambda x: x["id"]),
        "relations": sorted(relations.values(), key=_relation_sort_key),
    }


def _finer(new: object, old: object) -> bool:
    """True when a date of precision `new` should replace one of precision `old`."""
    if new is None:
        return False
    if old is None:
        return True
    return _PRECISION_RANK[str(new)] < _PRECISION_RANK[str(old)]


def _relation_sort_key(r: dict[str, Any]) -> tuple[str, int, str, str]:
    order = list(Predicate).index(Predicate(r["predicate"]))
    return (r["subject"], order, r["object"] or "", r["object_text"] or "")


def read_document(store: GraphStore) -> FactsDoc:
    """The whole graph as one FORMAT.md document, in the same order as `facts_document`."""
    articles = store.read(catalog.render("export_articles"))
    entities = store.read(catalog.render("export_entities"))
    events = store.read(catalog.render("export_events"))
    for ev in events:
        ev["participants"] = sorted(
            (p for p in ev["participants"] if p), key=lambda p: (p["entity"], p["role"])
        )
    relations: list[dict[str, Any]] = []
    for predicate in Predicate:
        for from_ in catalog.SUBJECT_LABELS:
            for to in catalog.OBJECT_LABELS:
                query = catalog.render("export_relations", type_=predicate, from_=from_, to=to)
                for row in store.read(query):
                    is_issue = to is NodeLabel.ISSUE
                    relations.append({
                        "subject": row["subject"], "predicate": str(predicate),
                        "object": None if is_issue else row["object"],
                        "object_text": row["object_text"] if is_issue else None,
                        "articles": row["articles"], "evidence": row["evidence"],
                    })
    relations.sort(key=_relation_sort_key)
    return {"articles": articles, "entities": entities, "events": events, "relations": relations}
