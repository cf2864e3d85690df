"""Loads the `verb_noun.cypher` files beside this module and renders their templates.

A query file may hold placeholders for the parts Cypher cannot parameterise:
`__TYPE__` (a relationship type, from `Predicate`), `__FROM__` / `__TO__` (node labels,
from `NodeLabel`) and `__FACTS__` (every `Predicate`, as `A|B|...`: a typed pattern lets the
engine skip a node's other edges, such as a busy entity's MENTIONS, without reading them). They
are filled only from those enums, never from user input; every value is a `$parameter`.
`__STATUS__` is the fixed expression `STATUS_OF`, run with `STATUS_PARAMS`.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import Any

from graph.models import ClaimStatus, NodeLabel, Predicate

QUERY_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = QUERY_DIR.parent.parent / "schema.cypher"
FACTS = "|".join(p.value for p in Predicate)
SUBJECT_LABELS = (NodeLabel.ENTITY, NodeLabel.EVENT)
OBJECT_LABELS = (NodeLabel.ENTITY, NodeLabel.EVENT, NodeLabel.ISSUE)
# Nodes that are not facts: the graph's revision token (mark_revision, read_revision) and the
# changes recorded beside it (graph.changes: one node `change:<seq>` each).
STATE_LABEL = "GraphState"
# The entities' names as indexed nodes, written and read only by graph.keys and the search.
KEY_LABEL = "SearchKey"
# A fact's status from `claims`, the list of its articles' statuses (graph.models.fact_status):
# stated if any states it, else planned, else the most frequent claim, ties denied > doubted.
STATUS_OF = """CASE
  WHEN size(claims) = 0 OR $stated IN claims THEN $stated
  WHEN $planned IN claims THEN $planned
  WHEN size([c IN claims WHERE c = $denied]) >= size([c IN claims WHERE c = $doubted])
   AND size([c IN claims WHERE c = $denied]) >= size([c IN claims WHERE c = $hypothetical])
  THEN $denied
  WHEN size([c IN claims WHERE c = $doubted]) >= size([c IN claims WHERE c = $hypothetical])
  THEN $doubted
  ELSE $hypothetical END"""
# The parameters of STATUS_OF: each status under its own name.
STATUS_PARAMS: dict[str, Any] = {s.value: s.value for s in ClaimStatus}


@functools.cache
def load(name: str) -> str:
    """The text of `name.cypher`; raises KeyError for an unknown name."""
    path = QUERY_DIR / f"{name}.cypher"
    if not path.is_file():
        raise KeyError(f"no Cypher query named {name!r} in {QUERY_DIR}")
    return path.read_text(encoding="utf-8").strip()


def render(
    name: str,
    *,
    type_: Predicate | None = None,
    from_: NodeLabel | None = None,
    to: NodeLabel | None = None,
) -> str:
    """The query `name` with its placeholders filled from the enums given."""
    text = load(name).replace("__FACTS__", FACTS).replace("__STATUS__", STATUS_OF)
    for marker, value, enum in (
        ("__TYPE__", type_, Predicate),
        ("__FROM__", from_, NodeLabel),
        ("__TO__", to, NodeLabel),
    ):
        if marker in text:
            if value is None:
                raise ValueError(f"query {name!r} needs a {enum.__name__} for {marker}")
            text = text.replace(marker, enum(value).value)
    return text


def status_params(query: str) -> dict[str, Any]:
    """STATUS_PARAMS when the rendered `query` uses them, else nothing."""
    return STATUS_PARAMS if "$stated" in query else {}


def names() -> list[str]:
    """Every query name of the catalog."""
    return sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))


def schema_statements() -> list[str]:
    """The statements of schema.cypher, one per `;`, comments dropped."""
    lines = [
        ln
        for ln in SCHEMA_FILE.read_text(encoding="utf-8").splitlines()
        if not ln.strip().startswith("//")
    ]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def all_statements() -> list[tuple[str, str]]:
    """(name, text) of every statement the code can run: schema plus each query variant."""
    out = [(f"schema[{i}]", s) for i, s in enumerate(schema_statements())]
    for name in names():
        text = load(name)
        types: list[Predicate | None] = list(Predicate) if "__TYPE__" in text else [None]
        if "__FROM__" not in text:
            froms: list[NodeLabel | None] = [None]
        else:
            froms = list(SUBJECT_LABELS) if "__TO__" in text else list(NodeLabel)
        tos: list[NodeLabel | None] = list(OBJECT_LABELS) if "__TO__" in text else [None]
        for t, f, to in itertools.product(types, froms, tos):
            label = ",".join(str(x) for x in (t, f, to) if x is not None)
            out.append(
                (f"{name}[{label}]" if label else name, render(name, type_=t, from_=f, to=to))
            )
    return out
