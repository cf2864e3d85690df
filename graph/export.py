"""The facts document of FORMAT.md, read back from the graph.

The merges are the graph's writes (graph/cypher/merge_*.cypher: nodes by id, edges by key,
provenance lists unioned, the finer date, the type most articles give, the status of
`fact_status`); the export reads their result and only shapes it. The shaping (`note_claim`,
`settle_status`, `finish_event`, `attach_claims` and the sort keys) is public so that the
in-memory merge of the fast score tests (tests/support/merge.py) gives the same document.

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

from typing import TYPE_CHECKING, Any

from graph.claims import claimant_of
from graph.cypher import catalog
from graph.cypher.queries import ReadQuery
from graph.models import (
    ClaimantKind,
    ClaimStatus,
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


def note_claim(row: dict[str, Any], aid: str, status: str | None) -> None:
    """Notes that article `aid` gives the fact of `row` the status `status` (None: stated)."""
    row["_claims"].setdefault(aid, []).append(status or ClaimStatus.STATED)


def settle_status(row: dict[str, Any]) -> None:
    """The fact's `status` across its articles, and each article's own when it is not stated."""
    per_article = {aid: fact_status(given) for aid, given in row.pop("_claims").items()}
    row["status"] = str(fact_status(per_article.values()))
    row["article_statuses"] = {
        aid: str(per_article[aid])
        for aid in row["articles"]
        if per_article.get(aid, ClaimStatus.STATED) is not ClaimStatus.STATED
    }


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


def finish_event(row: dict[str, Any]) -> None:
    """Participants, articles and places (by first article) in order, `place` the first; status."""
    row["participants"].sort(key=lambda p: (p["entity"], p["role"]))
    row["articles"].sort()
    settle_status(row)
    order = {aid: i for i, aid in enumerate(row["articles"])}
    row["places"].sort(
        key=lambda p: min((order.get(a, len(order)) for a in p["articles"]), default=len(order))
    )
    row["place"] = row["places"][0]["place"] if row["places"] else None


def relation_sort_key(r: dict[str, Any]) -> tuple[str, int, str, str]:
    order = list(Predicate).index(Predicate(r["predicate"]))
    return (r["subject"], order, r["object"] or "", r["object_text"] or "")


def evidence_sort_key(ev: dict[str, Any]) -> tuple[str, str, int, int]:
    return (ev["fact"], ev["article"], ev["start"], ev["end"])


def _read_events(store: GraphStore) -> list[dict[str, Any]]:
    events = []
    for ev in store.read(ReadQuery.EXPORT_EVENTS):
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
            note_claim(row, c["article"], c["status"])
        finish_event(row)
        row["status"] = ev["status"] or row["status"]  # as the graph's writes computed it
        events.append(row)
    return events


def _read_relations(store: GraphStore) -> list[dict[str, Any]]:
    relations: list[dict[str, Any]] = []
    for predicate in Predicate:
        for from_ in catalog.SUBJECT_LABELS:
            for to in catalog.OBJECT_LABELS:
                rows = store.read(ReadQuery.EXPORT_RELATIONS, type_=predicate, from_=from_, to=to)
                for row in rows:
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
                        note_claim(rel, aid, statuses[i] if i < len(statuses) else None)
                    settle_status(rel)
                    rel["status"] = row["status"] or rel["status"]
                    relations.append(rel)
    relations.sort(key=relation_sort_key)
    return relations


def read_document(store: GraphStore) -> FactsDoc:
    """The whole graph as one FORMAT.md document: each list sorted by its sort key."""
    articles = store.read(ReadQuery.EXPORT_ARTICLES)
    entities = store.read(ReadQuery.EXPORT_ENTITIES)
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
        for r in store.read(ReadQuery.EXPORT_EVIDENCE)
    ]
    evidence.sort(key=evidence_sort_key)
    return attach_claims(
        {
            "articles": articles,
            "entities": entities,
            "events": _read_events(store),
            "relations": _read_relations(store),
            "evidence": evidence,
        }
    )
