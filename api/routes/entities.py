"""GET /entities (search) and the profile of one entity."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import CacheDep, StoreDep
from api.schemas import EntityProfile, EntitySummary
from graph import reads
from graph.models import EntityType

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=list[EntitySummary])
def search_entities(
    store: StoreDep,
    q: Annotated[
        str | None, Query(max_length=200, description="name or alias, or part of one")
    ] = None,
    type: Annotated[EntityType | None, Query(description="only entities of this type")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> list[dict[str, Any]]:
    """Find people, delegations, organizations, countries and places by name or alias.

    Case, accents and punctuation are ignored. Best matches first: the whole name, then names
    starting with `q`, then names holding `q` as whole words, then as the start of a word.
    Without `q`, entities are listed by name.
    """
    return reads.search_entities(
        store, q, type_=str(type) if type else None, limit=limit, offset=offset
    )


@router.get("/{entity_id}", response_model=EntityProfile)
def get_entity(store: StoreDep, cache: CacheDep, entity_id: str) -> dict[str, Any]:
    """One entity: its roles, memberships, relations both ways with their quotes, its events in
    date order, and the articles that mention it."""
    profile: dict[str, Any] = cache.answer(
        store, ("entity", entity_id), lambda: reads.read_entity_profile(store, entity_id)
    )
    return profile
