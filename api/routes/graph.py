"""GET /graph/neighbourhood: the nodes and edges around one node, for a graph view."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter, WithJsonSchema

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.deps import CacheDep, StoreDep
from api.problems import problems
from graph import reads
from graph.models import EdgeType
from graph.views import Neighbourhood

router = APIRouter(prefix="/graph", tags=["graph"])
NEIGHBOURHOOD = TypeAdapter(Neighbourhood)


# One value of `types`: an edge type, or several separated by commas, in any case. Typed so the
# OpenAPI document lists the EdgeType names; parse_types checks the names of the second form.
EdgeTypes = Annotated[
    str,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": [t.value for t in EdgeType], "title": "EdgeType"},
                {"type": "string", "pattern": r"^[A-Za-z_,\s]*$"},
            ]
        }
    ),
]


def parse_types(types: list[str] | None) -> list[str] | None:
    """Edge types from repeated or comma-separated values; a 422 naming any unknown one."""
    if not types:
        return None
    wanted = [t.strip().upper() for value in types for t in value.split(",") if t.strip()]
    unknown = sorted(set(wanted) - set(reads.EDGE_TYPES))
    if unknown:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", "types"),
                    "input": types,
                    "msg": f"Value error, unknown edge types {unknown}; known: {reads.EDGE_TYPES}",
                }
            ]
        )
    return wanted or None


@router.get(
    "/neighbourhood",
    response_model=Neighbourhood,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_neighbourhood(
    store: StoreDep,
    cache: CacheDep,
    id: Annotated[str, Query(min_length=1, description="id of an entity, event, issue or article")],
    depth: Annotated[int, Query(ge=1, le=reads.MAX_DEPTH, description="edges away")] = 1,
    types: Annotated[
        list[EdgeTypes] | None,
        Query(
            description="edge types, repeated or comma-separated;"
            " default: every fact type, PARTICIPATED_IN and "
            "HELD_IN (MENTIONS only when asked)"
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=reads.MAX_NODES, description="most nodes returned")] = 100,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The nodes and edges within `depth` edges of a node, at most `limit` nodes.

    Nodes nearer the centre come first; `truncated` is true when the cap left some out.
    """
    wanted = parse_types(types)
    return cached_json(
        cache,
        store,
        ("neighbourhood", id, depth, tuple(wanted) if wanted else None, limit),
        NEIGHBOURHOOD,
        lambda: reads.read_neighbourhood(store, id, depth=depth, types=wanted, limit=limit),
        if_none_match=if_none_match,
    )
