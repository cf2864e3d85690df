"""The facts document of FORMAT.md, from extracted facts in memory or read back from the graph.

`facts_document` merges the facts of many articles exactly as the graph's writes do (nodes by id,
edges by key, provenance lists unioned), so an export of the database and the in-memory merge of
the same facts are the same document.

Beside the FORMAT.md fields the document carries what a backup needs to rebuild the graph
(`graph.backup.import_document`): each article's url, author, content hash and cleaned text;
each event's places and each participant with the articles that state them; on each event and
relation, beside its `status`, the `article_statuses` of the articles that do not simply state
it; a top-level `evidence` list holding every evidence sentence with its fact key, article,
offsets, status and claimant; and on each event, participant and relation its `claims`: per
evidence sentence, the article, the status it gives the fact and its claimant; and each event's
and relation's `standing` (graph.standing) across its claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.claims import article_evidence, claimant_of
from graph.cypher import catalog
from graph.models import (
    ArticleFacts,
    ClaimantKind,
    ClaimStatus,
    DatePrecision,
    Evidence,
    NodeLabel,
    Predicate,
    fact_key,
    fact_status,
    issue_id,
    participation_key,
)
from graph.standing import fact_standing

if TYPE_CHECKING:
    from graph.store import GraphStore

FactsDoc = dict[str, list[dict[str, Any]]]


def _union(into: list[str], values: Iterable[str]) -> None:
    for v in values:
        if v not in into:
            into.append(v)


def _claim(row: dict[str, Any], aid: str, status: str | None) -> None:
    """Notes that article `aid` gives the fact of `row` the status `status` (None: stated)."""
    row["_claims"].setdefault(aid, []).append(status or ClaimStatus.STATED)


def _settle_status(row: dict[str, Any]) -> None:
    """The fact's `status` across its articles, and each article's own when it is not stated."""
    per_article = {aid: fact_status(given) for aid, given in row.pop("_claims").items()}
    row["status"] = str(fact_status(per_article.values()))
    row["article_statuses"] = {
        aid: str(per_article[aid])
        for aid in row["articles"]
        if per_article.get(aid, ClaimStatus.STATED) is not ClaimStatus.STATED
    }


def _article_row(facts: ArticleFacts) -> dict[str, Any]:
    a = facts.article
    return {
        "id": a.id,
        "published": a.published,
        "source": a.source,
        "title": a.title,
        "url": a.url,
        "author": a.author,
        "content_hash": a.content_hash,
        "text": a.text,
    }


def _evidence_row(fact: str, ev: Evidence, status: ClaimStatus | None) -> dict[str, Any]:
    return {
        "fact": fact,
        "article": ev.article_id,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "confidence": ev.confidence,
        "status": str(status) if status is not None else None,
        "claimant": ev.claimant.model_dump(mode="json") if ev.claimant is not None else None,
    }


def _evidence_of(facts: ArticleFacts) -> Iterable[dict[str, Any]]:
    """The evidence rows of one article, in the order the graph's writes store them."""
    for fact, ev, status in article_evidence(facts):
        yield _evidence_row(fact, ev, status)


def _relation_key(r: dict[str, Any]) -> str:
    target = r["object"] if r["object"] is not None else issue_id(r["object_text"] or "")
    return fact_key(r["subject"], r["predicate"], target)


def attach_claims(doc: FactsDoc) -> FactsDoc:
    """Gives each event, participant and relation its `claims`: per evidence sentence, the
    article, the status it gives the fact and the claimant (the outlet when in its own voice)."""
    outlets = {a["id"]: a.get("source") for a in doc["articles"]}
    meta = {a["id"]: a for a in doc["articles"]}
    by_fact: dict[str, list[dict[str, Any]]] = {}
    for ev in doc["evidence"]:
        own = {
            "kind": str(ClaimantKind.OUTLET),
            "name": outlets.get(ev["article"]),
            "entity_id": None,
            "via": None,
        }
        by_fact.setdefault(ev["fact"], []).append(
            {
                "article": ev["article"],
                "status": ev.get("status") or str(ClaimStatus.STATED),
                "claimant": ev.get("claimant") or own,
                "evidence": ev["sentence"],
            }
        )

    def standing(claims: list[dict[str, Any]], date: str | None, status: str) -> str:
        rows = [
            {
                **c,
                "published": meta.get(c["article"], {}).get("published"),
                "source": meta.get(c["article"], {}).get("source"),
                "content_hash": meta.get(c["article"], {}).get("content_hash"),
                "sentence": c["evidence"],
            }
            for c in claims
        ]
        return str(fact_standing(rows, date, status))

    dates = {v["id"]: v["date"] for v in doc["events"]}
    for v in doc["events"]:
        v["claims"] = by_fact.get(v["id"], [])
        v["standing"] = standing(v["claims"], v["date"], v["status"])
        for p in v["participants"]:
            p["claims"] = by_fact.get(participation_key(p["entity"], p["role"], v["id"]), [])
    for r in doc["relations"]:
        r["claims"] = by_fact.get(_relation_key(r), [])
        ends = [dates[x] for x in (r["subject"], r["object"]) if dates.get(x)]
        r["standing"] = standing(r["claims"], max(ends) if ends else None, r["status"])
    return doc


def _merge_event(events: dict[str, dict[str, Any]], aid: str, facts: ArticleFacts) -> None:
    for v in facts.events:
        row = events.setdefault(
            v.id,
            {
                "id": v.id,
                "kind": str(v.kind),
                "label": v.label,
                "date": None,
                "date_precision": None,
                "place": None,
                "participants": [],
                "articles": [],
                "places": [],
                "_claims": {},
            },
        )
        _claim(row, aid, v.status)
        if v.date is not None and _finer(v.date_precision, row["date_precision"]):
            row["date"], row["date_precision"] = v.date, str(v.date_precision)
        if v.place_id is not None:
            place = next((p for p in row["places"] if p["place"] == v.place_id), None)
            if place is None:
                place = {"place": v.place_id, "articles": []}
                row["places"].append(place)
            _union(place["articles"], [aid])
        for p in v.participants:
            part = next(
                (
                    x
                    for x in row["participants"]
                    if x["entity"] == p.entity_id and x["role"] == str(p.role)
                ),
                None,
            )
            if part is None:
                part = {"entity": p.entity_id, "role": str(p.role), "articles": []}
                row["participants"].append(part)
            _union(part["articles"], [aid])
        _union(row["articles"], [aid])


def facts_document(facts: Iterable[ArticleFacts]) -> FactsDoc:
    """Merge the facts of many articles into one FORMAT.md document."""
    articles: dict[str, dict[str, Any]] = {}
    entities: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    relations: dict[str, dict[str, Any]] = {}
    evidence: dict[tuple[str, str, int], dict[str, Any]] = {}
    type_votes: dict[str, dict[str, int]] = {}
    for f in facts:
        aid = f.article.id
        articles[aid] = _article_row(f)
        for e in f.entities:
            row = entities.setdefault(
                e.id,
                {
                    "id": e.id,
                    "type": str(e.type),
                    "name": e.name,
                    "aliases": [],
                    "roles": [],
                    "articles": [],
                },
            )
            _union(row["aliases"], e.aliases)
            _union(row["roles"], e.roles)
            _union(row["articles"], [aid])
            votes = type_votes.setdefault(e.id, {})
            votes[str(e.type)] = votes.get(str(e.type), 0) + 1
            if votes[str(e.type)] > votes[row["type"]]:
                row["type"] = str(e.type)  # the type most articles give, ties to the first
        _merge_event(events, aid, f)
        for r in f.relations:
            rel = relations.setdefault(
                r.key,
                {
                    "subject": r.subject_id,
                    "predicate": str(r.predicate),
                    "object": r.object_id,
                    "object_text": r.object_text,
                    "articles": [],
                    "evidence": None,
                    "_first": None,
                    "_claims": {},
                },
            )
            _union(rel["articles"], [aid])
            _claim(rel, aid, r.status)
            first = (r.evidence.article_id, r.evidence.start)
            if rel["_first"] is None or first < rel["_first"]:
                rel["_first"], rel["evidence"] = first, r.evidence.sentence
        for ev in _evidence_of(f):
            evidence[(ev["fact"], ev["article"], ev["start"])] = ev
    for row in events.values():
        _finish_event(row)
    for row in entities.values():
        row["articles"].sort()
    for rel in relations.values():
        del rel["_first"]
        _settle_status(rel)
    return attach_claims(
        {
            "articles": sorted(articles.values(), key=lambda x: x["id"]),
            "entities": sorted(entities.values(), key=lambda x: x["id"]),
            "events": sorted(events.values(), key=lambda x: x["id"]),
            "relations": sorted(relations.values(), key=_relation_sort_key),
            "evidence": sorted(evidence.values(), key=_evidence_sort_key),
        }
    )


def _finish_event(row: dict[str, Any]) -> None:
    """Participants, articles and places (by first article) in order, `place` the first; status."""
    row["participants"].sort(key=lambda p: (p["entity"], p["role"]))
    row["articles"].sort()
    _settle_status(row)
    order = {aid: i for i, aid in enumerate(row["articles"])}
    row["places"].sort(
        key=lambda p: min((order.get(a, len(order)) for a in p["articles"]), default=len(order))
    )
    row["place"] = row["places"][0]["place"] if row["places"] else None


def _finer(new: object, old: object) -> bool:
    """True when a date of precision `new` should replace one of precision `old`."""
    if new is None:
        return False
    if old is None:
        return True
    return DatePrecision(str(new)).rank < DatePrecision(str(old)).rank


def _relation_sort_key(r: dict[str, Any]) -> tuple[str, int, str, str]:
    order = list(Predicate).index(Predicate(r["predicate"]))
    return (r["subject"], order, r["object"] or "", r["object_text"] or "")


def _evidence_sort_key(ev: dict[str, Any]) -> tuple[str, str, int, int]:
    return (ev["fact"], ev["article"], ev["start"], ev["end"])


def _read_events(store: GraphStore) -> list[dict[str, Any]]:
    events = []
    for ev in store.read(catalog.render("export_events")):
        row = {
            "id": ev["id"],
            "kind": ev["kind"],
            "label": ev["label"],
            "date": ev["date"],
            "date_precision": ev["date_precision"],
            "place": None,
            "participants": [p for p in ev["participants"] if p],
            "articles": ev["articles"],
            "places": [p for p in ev["places"] if p],
            "_claims": {},
        }
        for c in ev["claims"]:
            _claim(row, c["article"], c["status"])
        _finish_event(row)
        row["status"] = ev["status"] or row["status"]  # as the graph's writes computed it
        events.append(row)
    return events


def _read_relations(store: GraphStore) -> list[dict[str, Any]]:
    relations: list[dict[str, Any]] = []
    for predicate in Predicate:
        for from_ in catalog.SUBJECT_LABELS:
            for to in catalog.OBJECT_LABELS:
                query = catalog.render("export_relations", type_=predicate, from_=from_, to=to)
                for row in store.read(query):
                    is_issue = to is NodeLabel.ISSUE
                    rel = {
                        "subject": row["subject"],
                        "predicate": str(predicate),
                        "object": None if is_issue else row["object"],
                        "object_text": row["object_text"] if is_issue else None,
                        "articles": row["articles"],
                        "evidence": row["evidence"],
                        "_claims": {},
                    }
                    statuses = row["statuses"] or []
                    for i, aid in enumerate(row["articles"]):
                        _claim(rel, aid, statuses[i] if i < len(statuses) else None)
                    _settle_status(rel)
                    rel["status"] = row["status"] or rel["status"]
                    relations.append(rel)
    relations.sort(key=_relation_sort_key)
    return relations


def read_document(store: GraphStore) -> FactsDoc:
    """The whole graph as one FORMAT.md document, in the same order as `facts_document`."""
    articles = store.read(catalog.render("export_articles"))
    entities = store.read(catalog.render("export_entities"))
    for row in entities:
        row["articles"].sort()
    evidence = [
        {
            "fact": r["fact"],
            "article": r["article"],
            "sentence": r["sentence"],
            "start": r["start_char"],
            "end": r["end_char"],
            "confidence": r["confidence"],
            "status": r["status"],
            "claimant": claimant_of(r),
        }
        for r in store.read(catalog.render("export_evidence"))
    ]
    evidence.sort(key=_evidence_sort_key)
    return attach_claims(
        {
            "articles": articles,
            "entities": entities,
            "events": _read_events(store),
            "relations": _read_relations(store),
            "evidence": evidence,
        }
    )
