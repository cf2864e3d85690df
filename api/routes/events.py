"""GET /events/{id} and the chain of events around it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.schemas import EventChain, EventProfile
from graph import reads

router = APIRouter(prefix="/events", tags=["events"])
PROFILE = TypeAdapter(EventProfile)
EventIdPath = Annotated[str, Path(description="the event's id, as the timeline lists it")]
CHAIN = TypeAdapter(EventChain)


@router.get(
    "/{event_id}",
    response_model=EventProfile,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_event(
    store: StoreDep, cache: CacheDep, event_id: EventIdPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One event: date, place, participants with their roles, the quoted sentences behind it
    (with each article's title, source and date), its relations, and its articles."""
    return cached_json(
        cache,
        store,
        ("event", event_id),
        PROFILE,
        lambda: reads.read_event_profile(store, event_id),
        if_none_match=if_none_match,
    )


@router.get(
    "/{event_id}/chain",
    response_model=EventChain,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_event_chain(
    store: StoreDep,
    cache: CacheDep,
    event_id: EventIdPath,
    direction: Annotated[
        reads.ChainDirection, Query(description="back: what led to it; forward: what followed")
    ] = (reads.ChainDirection.BOTH),
    depth: Annotated[int, Query(ge=1, le=reads.MAX_CHAIN_DEPTH, description="links to follow")] = 3,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """What led to an event and what followed from it: events linked by CAUSED and PRECEDED
    edges up to `depth` links away, in date order, each link with its quoted evidence."""
    return cached_json(
        cache,
        store,
        ("chain", event_id, str(direction), depth),
        CHAIN,
        lambda: reads.read_event_chain(store, event_id, direction, depth),
        if_none_match=if_none_match,
    )
