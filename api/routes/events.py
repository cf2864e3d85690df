"""GET /events (search), one event, the chain of events around it, and its relations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import AfterValidator, TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, offset_of
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.routes.entities import MAX_PAGE, PageLimit, searchable
from graph import reads
from graph.models import NodeLabel
from graph.views import EventChain, EventProfile, EventRef, Page, Relation

router = APIRouter(prefix="/events", tags=["events"])
FOUND = TypeAdapter(Page[EventRef])
PROFILE = TypeAdapter(EventProfile)
CHAIN = TypeAdapter(EventChain)
RELATIONS = TypeAdapter(Page[Relation])
EventIdPath = Annotated[str, Path(description="the event's id, as the timeline lists it")]


@router.get("", response_model=Page[EventRef], responses={**problems(422, 503), **NOT_MODIFIED})
def search_events(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="words of the event's label, or a name of its place or a participant",
        ),
        AfterValidator(searchable),
    ],
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"events per page (at most {MAX_PAGE})")
    ] = 20,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Find events by their label ("ceasefire"), their place ("doha") or a participant's name or
    alias ("burns"), newest first (undated last). The timeline lists events by date."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("event search", q, limit, at),
        FOUND,
        lambda: reads.search_events(store, q, offset=at, limit=limit),
        if_none_match=if_none_match,
    )


@router.get(
    "/{event_id}",
    response_model=EventProfile,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_event(
    store: StoreDep, cache: CacheDep, event_id: EventIdPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One event: date, place, participants with their roles, the quoted sentences behind it
    (with each article's title, source and date), the first page of its relations (more at
    `/events/{id}/relations`), and its articles."""
    return cached_json(
        cache,
        store,
        ("event", event_id),
        PROFILE,
        lambda: reads.read_event_profile(store, event_id),
        if_none_match=if_none_match,
    )


@router.get(
    "/{event_id}/relations",
    response_model=Page[Relation],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def list_event_relations(
    store: StoreDep,
    cache: CacheDep,
    event_id: EventIdPath,
    limit: PageLimit = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The fact edges of an event with their quotes: those it is the subject of first, then
    those it is the object of."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("event relations", event_id, limit, at),
        RELATIONS,
        lambda: reads.read_node_relations(store, NodeLabel.EVENT, event_id, offset=at, limit=limit),
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
