"""GET /entities (search), the profile of one entity, and the lists of its profile."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import AfterValidator, TypeAdapter

from api.answers import profile_response
from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, offset_of
from api.deps import CacheDep, StoreDep
from api.problems import problems
from graph import reads
from graph.models import EntityType, NodeLabel, Standing
from graph.names import normalize
from graph.views import (
    STANDING_TEXT,
    ArticleRef,
    EntityEvent,
    EntityProfile,
    EntitySummary,
    Page,
    Relation,
)

router = APIRouter(prefix="/entities", tags=["entities"])
MATCHES = TypeAdapter(Page[EntitySummary])
EVENTS = TypeAdapter(Page[EntityEvent])
ARTICLES = TypeAdapter(Page[ArticleRef])
RELATIONS = TypeAdapter(Page[Relation])
MAX_PAGE = 200
__all__ = ["profile_response", "router"]  # profile_response: also precomputed
EntityIdPath = Annotated[str, Path(description="the entity's id, as search returns it")]
PageLimit = Annotated[
    int, Query(ge=1, le=MAX_PAGE, description=f"items per page (at most {MAX_PAGE})")
]


def searchable(q: str | None) -> str | None:
    """A search text must keep a letter or a digit once case, accents and punctuation go."""
    if q is not None and not normalize(q):
        raise ValueError("holds no letter or digit to search for (punctuation is ignored)")
    return q


@router.get(
    "", response_model=Page[EntitySummary], responses={**problems(422, 503), **NOT_MODIFIED}
)
def search_entities(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str | None,
        Query(max_length=200, description="name or alias, or part of one"),
        AfterValidator(searchable),
    ] = None,
    type: Annotated[EntityType | None, Query(description="only entities of this type")] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"entities per page (at most {MAX_PAGE})")
    ] = 20,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Find people, delegations, organizations, countries and places by name or alias.

    Case, accents and punctuation are ignored. Best matches first: the whole name, then names
    starting with `q`, then names holding `q` as whole words, then as the start of a word.
    When none of those match, the list holds the names and aliases within a few typing errors
    of `q` ("netanyahou", "blinkin"), closest first, each with rank 4, its `edits` and the name
    or alias it `matched`; an empty list means nothing comes close. Without `q`, entities are
    listed by name. `/search` looks for events and articles too.
    """
    at = offset_of(cursor)
    type_name = str(type) if type else None
    return cached_json(
        cache,
        store,
        ("search", q, type_name, limit, at),
        MATCHES,
        lambda: reads.search_entities(store, q, type_=type_name, limit=limit, offset=at),
        if_none_match=if_none_match,
    )


@router.get(
    "/{entity_id}",
    response_model=EntityProfile,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_entity(
    store: StoreDep,
    cache: CacheDep,
    entity_id: EntityIdPath,
    standing: Annotated[
        Standing | None,
        Query(
            description="keep on the first pages only the relations and events of this "
            "standing: " + STANDING_TEXT
        ),
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """One entity: its roles and memberships, and the first pages of its relations (both ways,
    with their quotes, claimants and standing), its events and the articles that mention it.

    Each list is a page (`items`, `next_cursor`, `total`) that continues at its own route:
    `/entities/{id}/relations`, `/entities/{id}/events`, `/entities/{id}/articles`.
    """
    name = str(standing) if standing else None
    return profile_response(cache, store, entity_id, name, if_none_match)


@router.get(
    "/{entity_id}/events",
    response_model=Page[EntityEvent],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def list_entity_events(
    store: StoreDep,
    cache: CacheDep,
    entity_id: EntityIdPath,
    limit: PageLimit = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The events an entity is linked to, newest first (undated last), and how it is linked."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("entity events", entity_id, limit, at),
        EVENTS,
        lambda: reads.read_entity_events(store, entity_id, offset=at, limit=limit),
        if_none_match=if_none_match,
    )


@router.get(
    "/{entity_id}/articles",
    response_model=Page[ArticleRef],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def list_entity_articles(
    store: StoreDep,
    cache: CacheDep,
    entity_id: EntityIdPath,
    limit: PageLimit = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The articles that mention an entity, newest first (undated last)."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("entity articles", entity_id, limit, at),
        ARTICLES,
        lambda: reads.read_entity_articles(store, entity_id, offset=at, limit=limit),
        if_none_match=if_none_match,
    )


@router.get(
    "/{entity_id}/relations",
    response_model=Page[Relation],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def list_entity_relations(
    store: StoreDep,
    cache: CacheDep,
    entity_id: EntityIdPath,
    limit: PageLimit = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The fact edges of an entity with their quotes, claimants and standing: those it is the
    subject of first, then those it is the object of; in each, edges to entities and issues
    first, then the newest."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("entity relations", entity_id, limit, at),
        RELATIONS,
        lambda: reads.read_node_relations(
            store, NodeLabel.ENTITY, entity_id, offset=at, limit=limit
        ),
        if_none_match=if_none_match,
    )
