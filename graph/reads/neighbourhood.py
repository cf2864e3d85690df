"""The nodes and edges around one node, bounded in depth and size, for a graph view."""

from __future__ import annotations

from collections import defaultdict

from graph.errors import NotFound
from graph.models import NodeLabel
from graph.reads.run import run_read
from graph.reads.shapes import FACT_TYPES, Row, node_label
from graph.store import GraphStore

MAX_DEPTH = 3
MAX_NODES = 500
STRUCTURE_TYPES = ["PARTICIPATED_IN", "HELD_IN"]
EDGE_TYPES = [*FACT_TYPES, *STRUCTURE_TYPES, "MENTIONS"]
DEFAULT_TYPES = [*FACT_TYPES, *STRUCTURE_TYPES]
ROWS_PER_NODE = 5


def read_neighbourhood(
    store: GraphStore,
    node_id: str,
    *,
    depth: int = 1,
    types: list[str] | None = None,
    limit: int = 100,
) -> Row:
    """Nodes within `depth` edges of `types` around a node, at most `limit` nodes."""
    if not 1 <= depth <= MAX_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_DEPTH}")
    if not 1 <= limit <= MAX_NODES:
        raise ValueError(f"limit must be between 1 and {MAX_NODES}")
    wanted = list(types) if types else DEFAULT_TYPES
    unknown = sorted(set(wanted) - set(EDGE_TYPES))
    if unknown:
        raise ValueError(f"unknown edge types: {', '.join(unknown)}")
    start = run_read(store, "read_node", id=node_id)
    if not start:
        raise NotFound("node", node_id)
    nodes: dict[str, Row] = {node_id: {**start[0], "depth": 0}}
    edges: dict[tuple[str, str, str, str], Row] = {}
    frontier: dict[str, list[str]] = {start[0]["label"]: [node_id]}
    truncated = False
    for hop in range(1, depth + 1):
        following: dict[str, list[str]] = defaultdict(list)
        for label, ids in frontier.items():
            max_rows = max(limit, len(ids)) * ROWS_PER_NODE
            rows = run_read(
                store,
                "read_neighbours",
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
                        "label": other_label,
                        "name": r["other_name"],
                        "type": r["other_type"],
                        "date": r["other_date"],
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
                        "type": r["type"],
                        "role": r["role"],
                        "articles": len(r["articles"] or []),
                    },
                )
        frontier = following
        if not frontier:
            break
    return {
        "id": node_id,
        "depth": depth,
        "truncated": truncated,
        "nodes": list(nodes.values()),
        "edges": sorted(edges.values(), key=lambda e: (e["source"], e["type"], e["target"])),
    }
