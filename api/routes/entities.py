"""GET /entities (search) and the profile of one entity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import AfterValidator, TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, RevisionCache, cached_json
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.schemas import STANDING_TEXT, EntityProfile, EntitySummary
from graph import reads
from graph.models import EntityType, Standing
from graph.names import normalize
from graph.store import GraphStore

router = APIRouter(prefix="/entities", tags=["entities"])
MATCHES = TypeAdapter(list[EntitySummary])
PROFILE = TypeAdapter(EntityProfile)


def _searchable(q: str | None) -> str | None:
    """A search text must keep a letter or a digit once case, accents and punctuation go."""
    if q is not None and not normalize(q):
        raise ValueError("holds no letter or digit to search for (punctuation is ignored)")
    return q


@router.get(
    "", response_model=list[EntitySummary], responses={**problems(422, 503), **NOT_MODIFIED}
)
def search_entities(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str | None,
        Query(max_length=200, description="name or alias, or part of one"),
        AfterValidator(_searchable),
    ] = None,
    type: Annotated[EntityType | None, Query(description="only entities of this type")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="entities per page")] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000, description="matches to skip from the best")] = 0,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Find people, delegations, organizations, countries and places by name or alias.

    Case, accents and punctuation are ignored. Best matches first: the whole name, then names
    starting with `q`, then names holding `q` as whole words, then as the start of a word.
    When none of those match, the first page holds the names and aliases within a few typing
    errors of `q` ("netanyahou", "blinkin"), closest first, each with rank 4, its `score` and
    the name or alias it `matched`; an empty list means nothing comes close.
    Without `q`, entities are listed by name.
    """
    type_name = str(type) if type else None
    return cached_json(
        cache,
        store,
        ("search", q, type_name, limit, offset),
        MATCHES,
        lambda: reads.search_entities(store, q, type_=type_name, limit=limit, offset=offset),
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
    entity_id: Annotated[str, Path(description="the entity's id, as search returns it")],
    standing: Annotated[
        Standing | None,
        Query(description="only relations and events of this standing: " + STANDING_TEXT),
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """One entity: its roles, memberships, relations both ways with their quotes, claimants and
    standing, its events in date order, and the articles that mention it."""
    name = str(standing) if standing else None
    return profile_response(cache, store, entity_id, name, if_none_match)


def profile_response(
    cache: RevisionCache,
    store: GraphStore,
    entity_id: Annotated[str, Path(description="the entity's id, as search returns it")],
    standing: str | None = None,
    if_none_match: str | None = None,
) -> Response:
    """The profile of one entity, from the cache when it can be (also used to precompute it)."""
    return cached_json(
        cache,
        store,
        ("entity", entity_id) if standing is None else ("entity", entity_id, standing),
        PROFILE,
        lambda: reads.read_entity_profile(store, entity_id, standing),
        if_none_match=if_none_match,
    )
