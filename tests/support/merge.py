"""The facts document of many articles merged in memory, without a database.

The graph merges facts in its writes (graph/cypher/merge_*.cypher) and `graph.export` reads the
result back; this is the same merge done in Python, for the extraction's fast score tests
(tests/support/scoring.py), which extract without a database, and as the oracle the end-to-end
tests compare the database's export with (test_cli_score holds the two equal on the seeds and
the dev set). It takes its rules from the graph: which of two dates is finer
(`graph.dates.finer`), a fact's status across articles (`fact_status`, through
`graph.export.settle_status`), the identity of every fact (`graph.models`' keys, the claims of
`graph.claims`) and the document's shape and order (`graph.export`). What is its own is the
bookkeeping: one row per id or key, lists unioned in the order articles give them, the type most
articles give an entity (ties to the first), a relation's first quote by (article, offset).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.claims import article_evidence
from graph.dates import PartialDate, finer
from graph.export import (
    FactsDoc,
    attach_claims,
    evidence_sort_key,
    finish_event,
    note_claim,
    relation_sort_key,
    settle_status,
)
from graph.models import ArticleFacts, ClaimStatus, Evidence

Row = dict[str, Any]


def _union(into: list[str], values: Iterable[str]) -> None:
    for v in values:
        if v not in into:
            into.append(v)


def _article_row(facts: ArticleFacts) -> Row:
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


def _evidence_row(fact: str, ev: Evidence, status: ClaimStatus | None) -> Row:
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


def _merge_entities(
    entities: dict[str, Row], votes: dict[str, dict[str, int]], f: ArticleFacts
) -> None:
    aid = f.article.id
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
        given = votes.setdefault(e.id, {})
        given[str(e.type)] = given.get(str(e.type), 0) + 1
        if given[str(e.type)] > given[row["type"]]:
            row["type"] = str(e.type)  # the type most articles give, ties to the first


def _merge_events(events: dict[str, Row], f: ArticleFacts) -> None:
    aid = f.article.id
    for v in f.events:
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
        note_claim(row, aid, v.status)
        if finer(v.when, PartialDate.of(row["date"], row["date_precision"])):
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
                    if (x["entity"], x["role"]) == (p.entity_id, p.role)
                ),
                None,
            )
            if part is None:
                part = {"entity": p.entity_id, "role": str(p.role), "articles": []}
                row["participants"].append(part)
            _union(part["articles"], [aid])
        _union(row["articles"], [aid])


def _merge_relations(relations: dict[str, Row], f: ArticleFacts) -> None:
    aid = f.article.id
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
        note_claim(rel, aid, r.status)
        first = (r.evidence.article_id, r.evidence.start)
        if rel["_first"] is None or first < rel["_first"]:
            rel["_first"], rel["evidence"] = first, r.evidence.sentence


def facts_document(facts: Iterable[ArticleFacts]) -> FactsDoc:
    """The FORMAT.md document the graph's writes give for these articles, written in order."""
    articles: dict[str, Row] = {}
    entities: dict[str, Row] = {}
    events: dict[str, Row] = {}
    relations: dict[str, Row] = {}
    evidence: dict[tuple[str, str, int], Row] = {}
    votes: dict[str, dict[str, int]] = {}
    for f in facts:
        articles[f.article.id] = _article_row(f)
        _merge_entities(entities, votes, f)
        _merge_events(events, f)
        _merge_relations(relations, f)
        for claim in article_evidence(f):
            ev = _evidence_row(*claim)
            evidence[(ev["fact"], ev["article"], ev["start"])] = ev
    for row in events.values():
        finish_event(row)
    for row in entities.values():
        row["articles"].sort()
    for rel in relations.values():
        del rel["_first"]
        settle_status(rel)
    return attach_claims(
        {
            "articles": sorted(articles.values(), key=lambda x: x["id"]),
            "entities": sorted(entities.values(), key=lambda x: x["id"]),
            "events": sorted(events.values(), key=lambda x: x["id"]),
            "relations": sorted(relations.values(), key=relation_sort_key),
            "evidence": sorted(evidence.values(), key=evidence_sort_key),
        }
    )
