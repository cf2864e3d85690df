"""Entity search and the profile of one entity."""

from __future__ import annotations

from graph.errors import NotFound
from graph.models import NodeLabel
from graph.names import normalize
from graph.reads.run import run_read
from graph.reads.shapes import (
    FACT_TYPES,
    Row,
    article_ref,
    node_label,
    read_evidence,
)
from graph.store import GraphStore

MAX_PROFILE_ITEMS = 100  # latest events and articles of a profile
MAX_RELATIONS = 200  # fact edges of a node each way, edges to undated nodes (entities) first


def search_entities(
    store: GraphStore, q: str | None, *, type_: str | None = None, limit: int = 20, offset: int = 0
) -> list[Row]:
    """Entities whose names or aliases match `q` (case and accents ignored), best first."""
    term = normalize(q) if q is not None else ""
    if not term:
        return run_read(store, "read_entities", type=type_, limit=limit, offset=offset)
    rows = run_read(store, "search_entities", term=term, type=type_, limit=limit + offset)
    return rows[offset:]


def read_relations(store: GraphStore, label: NodeLabel, node_id: str) -> list[Row]:
    """The fact edges of one node in both directions (capped each way), each with its evidence."""
    rows = run_read(
        store,
        "read_node_relations",
        from_=label,
        id=node_id,
        max_rows=MAX_RELATIONS,
    )
    evidence = read_evidence(store, [r["key"] for r in rows if r["key"]])
    out = []
    for r in rows:
        out.append(
            {
                "predicate": r["type"],
                "direction": r["direction"],
                "other": {
                    "id": r["other_id"],
                    "label": node_label(r["other_labels"]),
                    "name": r["other_name"],
                    "type": r["other_type"] or r["other_kind"],
                    "date": r["other_date"],
                },
                "articles": r["articles"] or [],
                "confidence": r["confidence"],
                "evidence": evidence.get(r["key"], []),
            }
        )
    out.sort(key=lambda x: (FACT_TYPES.index(x["predicate"]), x["direction"], x["other"]["id"]))
    return out


def read_entity_profile(store: GraphStore, entity_id: str) -> Row:
    """An entity with its roles, memberships, relations, latest events and latest articles."""
    rows = run_read(store, "read_entity", id=entity_id)
    if not rows:
        raise NotFound("entity", entity_id)
    entity = rows[0]
    relations = read_relations(store, NodeLabel.ENTITY, entity_id)
    groups = {"MEMBER_OF", "LEADS"}
    memberships = [
        {"predicate": r["predicate"], **r["other"]}
        for r in relations
        if r["predicate"] in groups and r["direction"] == "out"
    ]
    members = [
        {"predicate": r["predicate"], **r["other"]}
        for r in relations
        if r["predicate"] in groups and r["direction"] == "in"
    ]
    events = run_read(store, "read_entity_events", id=entity_id, limit=MAX_PROFILE_ITEMS)
    event_count = run_read(store, "count_entity_events", id=entity_id)[0]["total"]
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    articles = run_read(store, "read_entity_articles", id=entity_id, limit=MAX_PROFILE_ITEMS)
    articles.sort(key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))
    return {
        **{k: entity[k] for k in ("id", "name", "type", "confidence")},
        "aliases": entity["aliases"] or [],
        "roles": entity["roles"] or [],
        "memberships": memberships,
        "members": members,
        "relations": relations,
        "events": events,
        "event_count": event_count,
        "articles": [article_ref(a) for a in articles],
        "article_count": entity["article_count"],
    }
