"""Claims in responses: each fact's standing and sources, derived edges with their rule and the
dated evidence of both ends, and the claims behind one fact side by side (GET /claims)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import Basis, EdgeType, NodeLabel, Standing
from graph.reads.paging import offset_page
from graph.reads.shapes import (
    PARTICIPATION_EDGES,
    Row,
    claim_status,
    distinct_quotes,
    node_fields,
    read_evidence,
)
from graph.standing import fact_standing, independent_sources, weakest
from graph.store import ROUND_SEQUENCE_RULE, GraphStore
from graph.views import ClaimsAnswer, FactClaims, Page

# Quotes of each end shown with a derived edge: enough to see where each date comes from.
END_QUOTES = 3
ROLE_OF = PARTICIPATION_EDGES  # ATTENDED -> attendee, MEDIATED -> mediator


def claims_of(quotes: Iterable[Row]) -> list[Row]:
    """The quotes as claims (status, claimant, article), for standing and independent sources."""
    return [
        {
            "status": q.get("status"),
            "published": q["article"].get("published"),
            "source": q["article"].get("source"),
            "article": q["article"]["id"],
            "content_hash": q.get("content_hash"),
            "sentence": q.get("sentence"),
        }
        for q in quotes
    ]


def standing_of(quotes: Sequence[Row], fact_date: str | None, status: object = None) -> Row:
    """`standing` and `sources` of one fact from its quotes."""
    claims = claims_of(quotes)
    stored = claim_status(status)
    return {
        "standing": fact_standing(claims, fact_date, stored).value,
        "sources": independent_sources(claims),
    }


def claimants_of(quotes: Iterable[Row]) -> list[Row]:
    """The distinct claimants of some quotes, in order."""
    out: dict[tuple[object, ...], Row] = {}
    for q in quotes:
        c = q.get("claimant") or {}
        out.setdefault((c.get("kind"), c.get("name"), c.get("entity_id"), c.get("via")), c)
    return list(out.values())


def latest(*dates: str | None) -> str | None:
    """The latest of some dates (a fact between events is dated by its later end)."""
    known = [d for d in dates if d]
    return max(known) if known else None


def is_derived(row: Row) -> bool:
    """True for an edge a rule derived, which no article states."""
    return bool(row.get("derived")) and not (row.get("articles") or [])


def derivations(store: GraphStore, edges: Sequence[Row]) -> dict[str, Row]:
    """For each derived edge (by key), its rule and both ends with their dates and quotes."""
    derived = [e for e in edges if is_derived(e)]
    if not derived:
        return {}
    ends = sorted({x for e in derived for x in (e["source"], e["target"])})
    events = {r["id"]: r for r in store.read(Q.READ_EVENTS, ids=ends)}
    quotes = read_evidence(store, ends)
    standings = {
        vid: standing_of(quotes.get(vid, []), v["date"], v["status"])["standing"]
        for vid, v in events.items()
    }
    out: dict[str, Row] = {}
    for e in derived:
        pair = [
            {
                "id": vid,
                "label": events.get(vid, {}).get("label"),
                "date": events.get(vid, {}).get("date"),
                "date_precision": events.get(vid, {}).get("date_precision"),
                "standing": standings.get(vid, Standing.CONFIRMED.value),
                "evidence": distinct_quotes(quotes.get(vid, []))[:END_QUOTES],
            }
            for vid in (e["source"], e["target"])
        ]
        out[e["key"]] = {
            "rule": e.get("rule") or ROUND_SEQUENCE_RULE,
            "ends": pair,
            "standing": weakest(Standing(p["standing"]) for p in pair).value,
        }
    return out


def edge_claims(edge: Row, quotes: list[Row], fact_date: str | None, derivation: Row | None) -> Row:
    """The claim fields of one edge: basis, standing, sources, claimants, derivation."""
    if derivation is not None:
        return {
            "basis": Basis.DERIVED.value,
            "standing": derivation["standing"],
            "sources": 0,
            "claimants": [],
            "derivation": derivation,
        }
    return {
        "basis": Basis.STATED.value,
        **standing_of(quotes, fact_date, edge.get("status")),
        "claimants": claimants_of(quotes),
        "derivation": None,
    }


def _node(store: GraphStore, node_id: str) -> Row:
    rows = store.read(Q.READ_NODE, id=node_id)
    if not rows:
        raise NotFound("node", node_id)
    return rows[0]


def _ref(node: Row) -> Row:
    """A READ_NODE row as a node reference."""
    return {
        **{k: node[k] for k in ("id", "name", "date", "date_precision")},
        **node_fields(node["label"], node["type"]),
    }


def read_claims(
    store: GraphStore, subject: str, object_: str, predicate: str | None = None
) -> ClaimsAnswer:
    """Every fact from `subject` to `object_` (of one predicate when given), each with its
    standing and its claims side by side: status, claimant, quote, outlet and date."""
    s, o = _node(store, subject), _node(store, object_)
    s_label, o_label = NodeLabel(s["label"]), NodeLabel(o["label"])
    if s_label not in (NodeLabel.ENTITY, NodeLabel.EVENT) or o_label is NodeLabel.ARTICLE:
        return ClaimsAnswer.model_validate(
            {"subject": _ref(s), "object": _ref(o), "predicate": predicate, "facts": []}
        )
    rows = store.read(Q.READ_FACT_EDGES, from_=s_label, to=o_label, subject=subject, object=object_)
    facts: dict[str, Row] = {}
    for r in rows:
        name = r["type"]
        if name == EdgeType.PARTICIPATED_IN:
            name = next((p for p, role in ROLE_OF.items() if role == r["role"]), None) or (
                f"{EdgeType.PARTICIPATED_IN} {r['role']}"
            )
        if predicate is not None and name != predicate:
            continue
        fact = facts.setdefault(
            name, {"predicate": name, "keys": [], "edges": [], "status": r["status"]}
        )
        fact["keys"].append(r["key"])
        fact["edges"].append(r)
        if r["type"] != EdgeType.PARTICIPATED_IN:
            fact["status"] = r["status"]
    quotes = read_evidence(store, [k for f in facts.values() for k in f["keys"] if k])
    derived = derivations(
        store,
        [{**e, "source": subject, "target": object_} for f in facts.values() for e in f["edges"]],
    )
    fact_date = latest(
        s.get("date") if s_label is NodeLabel.EVENT else None,
        o.get("date") if o_label is NodeLabel.EVENT else None,
    )
    out = []
    for f in facts.values():
        mine = distinct_quotes(q for k in f["keys"] for q in quotes.get(k, []))
        mine.sort(key=lambda q: (q["article"]["published"] or "", q["article"]["id"], q["start"]))
        derivation = next((derived[e["key"]] for e in f["edges"] if e["key"] in derived), None)
        out.append(
            {
                "predicate": f["predicate"],
                **edge_claims(f, mine, fact_date, derivation),
                "status": claim_status(f["status"]),
                "claims": mine,
            }
        )
    out.sort(key=lambda f: f["predicate"])
    return ClaimsAnswer.model_validate(
        {"subject": _ref(s), "object": _ref(o), "predicate": predicate, "facts": out}
    )


def read_edges(
    store: GraphStore,
    source: str,
    target: str,
    predicate: str | None = None,
    *,
    offset: int = 0,
    limit: int = 50,
) -> Page[FactClaims]:
    """A page of the edges from `source` to `target` (of one predicate when given), each with
    its standing and every claim behind it, by predicate."""
    facts = read_claims(store, source, target, predicate).facts
    window = facts[offset : offset + limit + 1]
    return Page[FactClaims].model_validate(offset_page(window, offset, limit, len(facts)))
