"""The nodes and edges around one node, bounded in depth and size, for a graph view."""

from __future__ import annotations

from collections import defaultdict

from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import STRUCTURE_TYPES, EdgeType, NodeLabel
from graph.reads.claims import derivations, edge_claims, latest
from graph.reads.shapes import Row, distinct_quotes, node_fields, node_label, read_evidence
from graph.store import GraphStore
from graph.views import Neighbourhood

MAX_DEPTH = 3
MAX_NODES = 500
EDGE_TYPES = [t.value for t in EdgeType]  # the facts, the structure, then MENTIONS
DEFAULT_TYPES = [t.value for t in EdgeType if t is not EdgeType.MENTIONS]
ROWS_PER_NODE = 5
EDGE_QUOTES = 3  # quotes shown with each edge of a neighbourhood


def read_neighbourhood(  # noqa: C901
    store: GraphStore,
    node_id: str,
    *,
    depth: int = 1,
    types: list[str] | None = None,
    limit: int = 100,
) -> Neighbourhood:
    """Nodes within `depth` edges of `types` around a node, at most `limit` nodes."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}")
    if not 1 <= limit <= MAX_NODES:
        raise ValueError(f"limit must be between 1 and {MAX_NODES}")
    wanted = list(types) if types else DEFAULT_TYPES
    unknown = sorted(set(wanted) - set(EDGE_TYPES))
    if unknown:
        raise ValueError(f"unknown edge types: {', '.join(unknown)}")
    start = store.read(Q.READ_NODE, id=node_id)
    if not start:
        raise NotFound("node", node_id)
    first = start[0]
    nodes: dict[str, Row] = {
        node_id: {
            **{k: first[k] for k in ("id", "name", "date", "date_precision")},
            **node_fields(first["label"], first["type"]),
            "depth": 0,
        }
    }
    edges: dict[tuple[str, str, str, str], Row] = {}
    frontier: dict[str, list[str]] = {start[0]["label"]: [node_id]}
    truncated = False
    for hop in range(1, depth + 1):
        following: dict[str, list[str]] = defaultdict(list)
        for label, ids in frontier.items():
            max_rows = max(limit, len(ids)) * ROWS_PER_NODE
            rows = store.read(
                Q.READ_NEIGHBOURS,
                from_=NodeLabel(label),
                ids=ids,
                types=wanted,
                max_rows=max_rows,
            )
            truncated = truncated or len(rows) >= max_rows
            for r in rows:
                other = r["other_id"]
                if other not in nodes:
                    if len(nodes) >= limit:
                        truncated = True
                        continue
                    other_label = node_label(r["other_labels"])
                    nodes[other] = {
                        "id": other,
                        **node_fields(other_label, r["other_type"]),
                        "name": r["other_name"],
                        "date": r["other_date"],
                        "date_precision": r["other_precision"],
                        "depth": hop,
                    }
                    if other_label in NodeLabel.__members__.values():
                        following[other_label].append(other)
                key = (r["source"], r["type"], r["target"], r["role"] or "")
                edges.setdefault(
                    key,
                    {
                        "source": r["source"],
                        "target": r["target"],
                        "predicate": r["type"],
                        "role": r["role"],
                        "article_count": len(r["articles"] or []),
                        "_row": r,
                    },
                )
        frontier = following
        if not frontier:
            break
    with_claims(store, list(edges.values()), nodes)
    return Neighbourhood.model_validate(
        {
            "id": node_id,
            "depth": depth,
            "truncated": truncated,
            "nodes": list(nodes.values()),
            "edges": sorted(
                edges.values(), key=lambda e: (e["source"], e["predicate"], e["target"])
            ),
        }
    )


def _quotes_of(edge: Row, quotes: dict[str, list[Row]]) -> list[Row]:
    """The quotes behind one edge of a neighbourhood.

    A fact edge and a participation have their own; a place (HELD_IN) or a participation that
    has none is backed by the event's sentences in the articles that state the edge, and an
    article's MENTIONS by the sentences it gives for the node.
    """
    r = edge["_row"]
    own = quotes.get(r["key"], []) if r["key"] else []
    if own:
        return own
    if r["type"] == EdgeType.MENTIONS:
        return [q for q in quotes.get(r["target"], []) if q["article"]["id"] == r["source"]]
    if r["type"] in STRUCTURE_TYPES:
        event = r["source"] if r["type"] == EdgeType.HELD_IN else r["target"]
        stating = set(r["articles"] or [])
        return [q for q in quotes.get(event, []) if q["article"]["id"] in stating]
    return []


def with_claims(store: GraphStore, edges: list[Row], nodes: dict[str, Row]) -> None:
    """Gives each edge its basis, standing, claimants and (at most EDGE_QUOTES) quotes."""
    wanted = {e["_row"]["key"] for e in edges if e["_row"]["key"]}
    wanted |= {e["source"] for e in edges if e["predicate"] == EdgeType.HELD_IN}
    wanted |= {
        e["target"]
        for e in edges
        if e["predicate"] in (EdgeType.PARTICIPATED_IN, EdgeType.MENTIONS)
    }
    quotes = read_evidence(store, sorted(wanted))
    derived = derivations(store, [{**e["_row"], "key": e["_row"]["key"]} for e in edges])
    for e in edges:
        r = e.pop("_row")
        mine = distinct_quotes(_quotes_of({"_row": r}, quotes))
        dates = [nodes[x].get("date") for x in (e["source"], e["target"]) if x in nodes]
        labels = [nodes[x].get("node") for x in (e["source"], e["target"]) if x in nodes]
        fact_date = latest(*[d for d, lab in zip(dates, labels, strict=True) if lab == "Event"])
        if e["predicate"] == EdgeType.MENTIONS:
            fact_date = None
        e.update(edge_claims(r, mine, fact_date, derived.get(r["key"] or "")))
        e["evidence"] = mine[:EDGE_QUOTES]
