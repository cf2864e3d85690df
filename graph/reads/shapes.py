"""Row shapes shared by the reads: article references, participants, evidence quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graph.claims import ROLE_EDGES, claimant_of
from graph.cypher.queries import ReadQuery as Q
from graph.models import ClaimStatus, EdgeType, NodeLabel
from graph.store import GraphStore

Row = dict[str, Any]
# The role an ATTENDED or MEDIATED edge gives its subject in the event.
PARTICIPATION_EDGES = {edge.value: role.value for role, edge in ROLE_EDGES.items()}


def claim_status(value: object) -> str:
    """A fact's stored status; stated for facts written before statuses were kept."""
    return str(value) if value else ClaimStatus.STATED.value


def article_ref(row: Row) -> Row:
    """The fields that name an article in a response."""
    return {k: row.get(k) for k in ("id", "title", "source", "published")}


def node_label(labels: Iterable[str]) -> str:
    """The graph label of a node from its label list."""
    found = [str(x) for x in labels]
    for label in (NodeLabel.ENTITY, NodeLabel.EVENT, NodeLabel.ISSUE, NodeLabel.ARTICLE):
        if label.value in found:
            return label.value
    return found[0] if found else "Node"


# Which field of a node reference holds the one property that says what sort of node it is.
_DETAIL_FIELD = {NodeLabel.ENTITY.value: "type", NodeLabel.EVENT.value: "kind"}
_DETAIL_FIELD[NodeLabel.ARTICLE.value] = "source"


def node_fields(label: str, detail: object) -> Row:
    """The fields that say what a node is: its label as `node`, and its entity type (`type`),
    event kind (`kind`) or article outlet (`source`); an issue has none of these."""
    field = _DETAIL_FIELD.get(label)
    return {"node": label, **({field: detail} if field else {})}


def participants_of(rows: Iterable[Row]) -> list[Row]:
    """Participants from PARTICIPATED_IN, ATTENDED and MEDIATED rows, one per (entity, role)."""
    out: dict[tuple[str, str], Row] = {}
    for r in rows:
        if r.get("id") is None:
            continue
        edge = r["edge"]
        role = r["role"] if edge == EdgeType.PARTICIPATED_IN else PARTICIPATION_EDGES[edge]
        out.setdefault(
            (r["id"], role), {"id": r["id"], "name": r["name"], "type": r["type"], "role": role}
        )
    return sorted(out.values(), key=lambda p: (p["role"], p["name"] or "", p["id"]))


def read_evidence(store: GraphStore, facts: Sequence[str]) -> dict[str, list[Row]]:
    """The quotes behind each fact (node id or edge key), with their articles."""
    out: dict[str, list[Row]] = {}
    if not facts:
        return out
    for r in store.read(Q.READ_EVIDENCE, facts=sorted(set(facts))):
        out.setdefault(r["fact"], []).append(
            {
                "sentence": r["sentence"],
                "start": r["start"],
                "end": r["end"],
                "confidence": r["confidence"],
                "status": claim_status(r["status"]),
                "claimant": claimant_of(r) or {"kind": "outlet", "name": r["source"]},
                "content_hash": r["content_hash"],
                "article": {
                    "id": r["article_id"],
                    "title": r["title"],
                    "source": r["source"],
                    "published": r["published"],
                },
            }
        )
    return out


def distinct_quotes(quotes: Iterable[Row]) -> list[Row]:
    """Quotes without repeats: one sentence of one article may back several edges of a fact."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for q in quotes:
        key = (q.get("fact"), q["article"]["id"], q["start"])
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def read_articles_by_id(store: GraphStore, ids: Sequence[str]) -> list[Row]:
    """Metadata of the articles asked for, oldest first."""
    return store.read(Q.READ_ARTICLES_BY_ID, ids=list(ids)) if ids else []


def event_details(store: GraphStore, ids: Sequence[str]) -> dict[str, Row]:
    """Place, participants and source articles of each event, by id."""
    out: dict[str, Row] = {}
    for r in store.read(Q.READ_EVENT_DETAILS, ids=list(ids)):
        place = r["place"] if r["place"] and r["place"].get("id") else None
        articles = [article_ref(a) for a in r["articles"] if a.get("id")]
        articles.sort(key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))
        out[r["id"]] = {
            "place": place,
            "participants": participants_of(r["participants"]),
            "articles": articles,
        }
    return out


def with_details(store: GraphStore, events: list[Row]) -> list[Row]:
    """The events with their place, participants and source articles added."""
    details = event_details(store, [e["id"] for e in events])
    empty: Row = {"place": None, "participants": [], "articles": []}
    return [
        {**e, "status": claim_status(e.get("status")), **details.get(e["id"], empty)}
        for e in events
    ]
