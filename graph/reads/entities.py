"""Entity search and the profile of one entity."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from graph.errors import NotFound
from graph.models import NodeLabel
from graph.names import normalize
from graph.reads.claims import claimants_of, derivations, edge_claims, latest, standing_of
from graph.reads.fuzzy import closeness, edits_to
from graph.reads.run import run_read
from graph.reads.shapes import (
    FACT_TYPES,
    Row,
    article_ref,
    claim_status,
    node_label,
    read_evidence,
)
from graph.store import GraphStore

FUZZY_RANK = 4  # after exact (0), prefix (1), whole word (2) and word prefix (3)
MAX_PROFILE_ITEMS = 100  # latest events and articles of a profile
PROFILE_READS = 4  # reads of a profile run side by side
MAX_RELATIONS = 200  # fact edges of a node each way, edges to undated nodes (entities) first


def search_entities(
    store: GraphStore, q: str | None, *, type_: str | None = None, limit: int = 20, offset: int = 0
) -> list[Row]:
    """Entities whose names or aliases match `q` (case and accents ignored), best first."""
    term = normalize(q) if q is not None else ""
    if not term:
        return run_read(store, "read_entities", type=type_, limit=limit, offset=offset)
    rows = run_read(store, "search_entities", term=term, type=type_, limit=limit + offset)
    if rows or offset:
        return rows[offset:]
    return search_misspelt(store, term, type_=type_, limit=limit)


def search_misspelt(store: GraphStore, term: str, *, type_: str | None, limit: int) -> list[Row]:
    """Entities a name or alias of which is a few typing errors from `term` (rank 4), fewest
    first; `matched` is that name or alias, `edits` how many errors apart they are."""
    found = []
    for row in run_read(store, "read_search_keys", type=type_):
        edits = edits_to(term, [k for k in row["search_keys"] or [] if k])
        if edits is not None:
            found.append((edits, row))
    found.sort(key=lambda f: (f[0], -(f[1]["article_count"] or 0), f[1]["name"], f[1]["id"]))
    out = []
    for edits, row in found[:limit]:
        names = [row["name"], *(row["aliases"] or [])]
        matched = min(names, key=lambda n: closeness(term, normalize(n)))
        fields = {k: v for k, v in row.items() if k != "search_keys"}
        out.append({**fields, "rank": FUZZY_RANK, "edits": edits, "matched": matched})
    return out


def read_relations(
    store: GraphStore, label: NodeLabel, node_id: str, node_date: str | None = None
) -> list[Row]:
    """The fact edges of one node in both directions (capped each way), each with its evidence,
    standing and claimants, or, for an edge a rule derived, the rule and both ends."""
    rows = run_read(
        store,
        "read_node_relations",
        from_=label,
        id=node_id,
        max_rows=MAX_RELATIONS,
    )
    evidence = read_evidence(store, [r["key"] for r in rows if r["key"]])
    ends = [
        {**r, "source": node_id, "target": r["other_id"]}
        if r["direction"] == "out"
        else {**r, "source": r["other_id"], "target": node_id}
        for r in rows
    ]
    derived = derivations(store, [e for e in ends if e["key"]])
    out = []
    for r in rows:
        quotes = evidence.get(r["key"], [])
        fact_date = latest(node_date, r["other_date"] if r["other_kind"] else None)
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
                "status": claim_status(r["status"]),
                **edge_claims(r, quotes, fact_date, derived.get(r["key"])),
                "evidence": quotes,
            }
        )
    out.sort(key=lambda x: (FACT_TYPES.index(x["predicate"]), x["direction"], x["other"]["id"]))
    return out


def read_entity_profile(store: GraphStore, entity_id: str, standing: str | None = None) -> Row:
    """An entity with its roles, memberships, relations, latest events and latest articles.

    The four reads after the entity's own are independent and, for a busy entity, each costs in
    proportion to its edges; they run side by side so the database can use more than one core.
    """
    rows = run_read(store, "read_entity", id=entity_id)
    if not rows:
        raise NotFound("entity", entity_id)
    entity = rows[0]
    with ThreadPoolExecutor(max_workers=PROFILE_READS, thread_name_prefix="profile") as pool:
        relations_f = pool.submit(read_relations, store, NodeLabel.ENTITY, entity_id)
        events_f = pool.submit(
            run_read, store, "read_entity_events", id=entity_id, limit=MAX_PROFILE_ITEMS
        )
        count_f = pool.submit(run_read, store, "count_entity_events", id=entity_id)
        articles_f = pool.submit(
            run_read, store, "read_entity_articles", id=entity_id, limit=MAX_PROFILE_ITEMS
        )
        relations, events = relations_f.result(), events_f.result()
        event_count = count_f.result()[0]["total"]
        articles = articles_f.result()
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
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    quotes = read_evidence(store, [e["id"] for e in events])
    events = [
        {
            **e,
            "status": claim_status(e["status"]),
            **standing_of(quotes.get(e["id"], []), e["date"], e["status"]),
            "claimants": claimants_of(quotes.get(e["id"], [])),
        }
        for e in events
    ]
    if standing is not None:
        relations = [r for r in relations if r["standing"] == standing]
        events = [e for e in events if e["standing"] == standing]
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
