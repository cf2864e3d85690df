"""Entity search and the profile of one entity."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import NodeLabel
from graph.names import normalize
from graph.reads.claims import claimants_of, derivations, edge_claims, latest, standing_of
from graph.reads.fuzzy import closeness, edits_to
from graph.reads.paging import offset_page
from graph.reads.shapes import (
    Row,
    article_ref,
    claim_status,
    node_fields,
    node_label,
    read_evidence,
)
from graph.store import GraphStore
from graph.views import ArticleRef, EntityEvent, EntityProfile, EntitySummary, Page, Relation

FUZZY_RANK = 4  # after exact (0), prefix (1), whole word (2) and word prefix (3)
PROFILE_PAGE = 100  # events and articles on the first page of a profile's lists
PROFILE_READS = 4  # reads of a profile run side by side
RELATIONS_PAGE = 200  # fact edges on the first page of a profile: to undated nodes first
# The parameter of read_relation_items listing the other ends of each label.
LISTS = {"Event": "events", "Entity": "entities", "Issue": "issues"}


def search_entities(
    store: GraphStore, q: str | None, *, type_: str | None = None, limit: int = 20, offset: int = 0
) -> Page[EntitySummary]:
    """Entities whose names or aliases match `q` (case and accents ignored), best first; when
    none does, the names a few typing errors away (rank 4). Without `q`, all by name."""
    term = normalize(q) if q is not None else ""
    if not term:
        rows = store.read(Q.READ_ENTITIES, type=type_, limit=limit + 1, offset=offset)
        total = store.read(Q.COUNT_ENTITIES, type=type_)[0]["total"]
        return Page[EntitySummary].model_validate(offset_page(rows, offset, limit, total))
    total = store.read(Q.COUNT_SEARCH_ENTITIES, term=term, type=type_)[0]["total"]
    if total:
        rows = store.read(Q.SEARCH_ENTITIES, term=term, type=type_, limit=offset + limit + 1)
        return Page[EntitySummary].model_validate(offset_page(rows[offset:], offset, limit, total))
    found = search_misspelt(store, term, type_=type_)
    return Page[EntitySummary].model_validate(
        offset_page(found[offset : offset + limit + 1], offset, limit, len(found))
    )


def search_misspelt(store: GraphStore, term: str, *, type_: str | None) -> list[Row]:
    """Entities a name or alias of which is a few typing errors from `term` (rank 4), fewest
    first; `matched` is that name or alias, `edits` how many errors apart they are."""
    found = []
    for row in store.read(Q.READ_SEARCH_KEYS, type=type_):
        edits = edits_to(term, [k for k in row["search_keys"] or [] if k])
        if edits is not None:
            found.append((edits, row))
    found.sort(key=lambda f: (f[0], -(f[1]["article_count"] or 0), f[1]["name"], f[1]["id"]))
    out = []
    for edits, row in found:
        names = [row["name"], *(row["aliases"] or [])]
        matched = min(names, key=lambda n: closeness(term, normalize(n)))
        fields = {k: v for k, v in row.items() if k != "search_keys"}
        out.append({**fields, "rank": FUZZY_RANK, "edits": edits, "matched": matched})
    return out


def read_relations(
    store: GraphStore,
    label: NodeLabel,
    node_id: str,
    node_date: str | None = None,
    *,
    offset: int = 0,
    limit: int = RELATIONS_PAGE,
) -> dict[str, Any]:
    """A page of the fact edges of one node (outgoing first, then incoming; in each, edges to
    undated nodes first, then the newest), each with its evidence, standing and claimants, or,
    for an edge a rule derived, the rule and both ends: the fields of a Page[Relation]."""
    kept = _kept_rows(store, node_id, offset, limit) if label is NodeLabel.ENTITY else None
    if kept is not None:
        rows, outgoing, total = kept
    else:
        count = store.read(Q.COUNT_NODE_RELATIONS, from_=label, id=node_id)
        outgoing = count[0]["out_count"] if count else 0
        total = outgoing + (count[0]["in_count"] if count else 0)
        rows = store.read(
            Q.READ_NODE_RELATIONS,
            from_=label,
            id=node_id,
            skip_out=min(offset, outgoing),
            skip_in=max(0, offset - outgoing),
            max_rows=limit + 1,
        )
        rows = [r for r in rows if r["direction"] == "out"] + [
            r for r in rows if r["direction"] == "in"
        ]
        rows = rows[: limit + 1]
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
                    **node_fields(
                        node_label(r["other_labels"]), r["other_type"] or r["other_kind"]
                    ),
                    "name": r["other_name"],
                    "date": r["other_date"],
                    "date_precision": r["other_precision"],
                },
                "article_ids": r["articles"] or [],
                "confidence": r["confidence"],
                "status": claim_status(r["status"]),
                **edge_claims(r, quotes, fact_date, derived.get(r["key"])),
                "evidence": quotes,
            }
        )
    return offset_page(out, offset, limit, total)


def _kept_rows(
    store: GraphStore, entity_id: str, offset: int, limit: int
) -> tuple[list[Row], int, int] | None:
    """The rows of a page of a busy entity's fact edges from the first edges it keeps
    (graph.relation_summaries), read by their other ends, with its outgoing and total counts;
    None when it keeps none or they do not hold the page."""
    found = store.read(Q.READ_RELATION_SUMMARY, id=entity_id)
    if not found or found[0]["latest_out"] is None:
        return None
    s = found[0]
    counts = {"out": int(s["fact_out"] or 0), "in": int(s["fact_in"] or 0)}
    skip = {"out": min(offset, counts["out"]), "in": max(0, offset - counts["out"])}
    wanted: list[tuple[str, str]] = []  # (direction, item) in page order
    room = limit + 1
    for way in ("out", "in"):
        held = list(s[f"latest_{way}"] or [])
        n = max(0, min(room, counts[way] - skip[way]))
        if skip[way] + n > len(held):
            return None
        wanted += [(way, item) for item in held[skip[way] : skip[way] + n]]
        room -= n
    lists: dict[str, list[str]] = {f"{d}_{k}": [] for d in ("out", "in") for k in LISTS.values()}
    for way, item in wanted:
        _, label, other = item.split("|", 2)
        key = f"{way}_{LISTS.get(label, 'entities')}"
        lists.setdefault(key, []).append(other)
    found_rows = store.read(
        Q.READ_RELATION_ITEMS,
        id=entity_id,
        out_events=lists["out_events"],
        out_entities=lists["out_entities"],
        out_issues=lists["out_issues"],
        in_events=lists["in_events"],
        in_entities=lists["in_entities"],  # issues are only objects
    )
    by_item = {
        (r["direction"], f"{r['type']}|{node_label(r['other_labels'])}|{r['other_id']}"): r
        for r in found_rows
    }
    rows = [by_item[w] for w in wanted if w in by_item]
    if len(rows) != len(wanted):
        return None  # a kept edge is gone: the summary is behind, read the edges
    return rows, counts["out"], counts["out"] + counts["in"]


def read_node_relations(
    store: GraphStore, label: NodeLabel, node_id: str, *, offset: int = 0, limit: int = 50
) -> Page[Relation]:
    """A page of the fact edges of one entity or event; NotFound for an unknown id."""
    found = store.read(Q.READ_NODE, id=node_id)
    if not found or found[0]["label"] != label.value:
        raise NotFound(label.value.lower(), node_id)
    date = found[0]["date"] if label is NodeLabel.EVENT else None
    return Page[Relation].model_validate(
        read_relations(store, label, node_id, date, offset=offset, limit=limit)
    )


def _entity(store: GraphStore, entity_id: str) -> Row:
    rows = store.read(Q.READ_ENTITY, id=entity_id)
    if not rows:
        raise NotFound("entity", entity_id)
    return rows[0]


def _events_page(
    store: GraphStore, entity_id: str, offset: int, limit: int, total: int
) -> dict[str, Any]:
    """A page of an entity's events, newest first, with their standing and claimants."""
    events = store.read(Q.READ_ENTITY_EVENTS, id=entity_id, offset=offset, limit=limit + 1)
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
    return offset_page(events, offset, limit, total)


def _articles_page(
    store: GraphStore, entity_id: str, offset: int, limit: int, total: int
) -> dict[str, Any]:
    """A page of the articles that mention an entity, newest first."""
    rows = store.read(Q.READ_ENTITY_ARTICLES, id=entity_id, offset=offset, limit=limit + 1)
    return offset_page([article_ref(a) for a in rows], offset, limit, total)


def read_entity_events(
    store: GraphStore, entity_id: str, *, offset: int = 0, limit: int = 50
) -> Page[EntityEvent]:
    """A page of the events an entity is linked to, newest first (undated last)."""
    _entity(store, entity_id)
    total = store.read(Q.COUNT_ENTITY_EVENTS, id=entity_id)[0]["total"]
    return Page[EntityEvent].model_validate(_events_page(store, entity_id, offset, limit, total))


def read_entity_articles(
    store: GraphStore, entity_id: str, *, offset: int = 0, limit: int = 50
) -> Page[ArticleRef]:
    """A page of the articles that mention an entity, newest first (undated last)."""
    entity = _entity(store, entity_id)
    total = entity["article_count"] or 0
    return Page[ArticleRef].model_validate(_articles_page(store, entity_id, offset, limit, total))


def read_entity_profile(
    store: GraphStore, entity_id: str, standing: str | None = None
) -> EntityProfile:
    """An entity with its roles, memberships, and the first pages of its relations, events and
    articles (each continues at its own sub-resource).

    The reads after the entity's own are independent and, for a busy entity, each costs in
    proportion to its edges; they run side by side so the database can use more than one core.
    With `standing`, the first pages keep only the relations and events of that standing.
    """
    entity = _entity(store, entity_id)
    articles_total = entity["article_count"] or 0
    with ThreadPoolExecutor(max_workers=PROFILE_READS, thread_name_prefix="profile") as pool:
        relations_f = pool.submit(read_relations, store, NodeLabel.ENTITY, entity_id)
        count_f = pool.submit(store.read, Q.COUNT_ENTITY_EVENTS, id=entity_id)
        articles_f = pool.submit(_articles_page, store, entity_id, 0, PROFILE_PAGE, articles_total)
        event_count = count_f.result()[0]["total"]
        events_f = pool.submit(_events_page, store, entity_id, 0, PROFILE_PAGE, event_count)
        relations, events, articles = relations_f.result(), events_f.result(), articles_f.result()
    groups = {"MEMBER_OF", "LEADS"}
    memberships = [
        {"predicate": r["predicate"], **r["other"]}
        for r in relations["items"]
        if r["predicate"] in groups and r["direction"] == "out"
    ]
    members = [
        {"predicate": r["predicate"], **r["other"]}
        for r in relations["items"]
        if r["predicate"] in groups and r["direction"] == "in"
    ]
    if standing is not None:
        relations["items"] = [r for r in relations["items"] if r["standing"] == standing]
        events["items"] = [e for e in events["items"] if e["standing"] == standing]
    return EntityProfile.model_validate(
        {
            **{k: entity[k] for k in ("id", "name", "type", "confidence")},
            "aliases": entity["aliases"] or [],
            "roles": entity["roles"] or [],
            "memberships": memberships,
            "members": members,
            "relations": relations,
            "events": events,
            "event_count": event_count,
            "articles": articles,
            "article_count": articles_total,
        }
    )
