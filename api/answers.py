"""The answers the API computes ahead of questions, shared by their routes and api.precompute.

Each builds the same cached response its route gives (same cache key, same ETag), so an
answer computed in the background is the one the first client then gets from the cache.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import TypeAdapter

from api.cache import RevisionCache, cached_json
from graph import reads
from graph.reads.paging import Position
from graph.store import GraphStore
from graph.views import EntityProfile, Page, Round

PROFILE = TypeAdapter(EntityProfile)
ROUNDS = TypeAdapter(Page[Round])
DEFAULT_ROUNDS = 200


def profile_response(
    cache: RevisionCache,
    store: GraphStore,
    entity_id: str,
    standing: str | None = None,
    if_none_match: str | None = None,
) -> Response:
    """The profile of one entity, from the cache when it can be."""
    return cached_json(
        cache,
        store,
        ("entity", entity_id) if standing is None else ("entity", entity_id, standing),
        PROFILE,
        lambda: reads.read_entity_profile(store, entity_id, standing),
        if_none_match=if_none_match,
    )


def rounds_response(
    cache: RevisionCache,
    store: GraphStore,
    first: str | None = None,
    last: str | None = None,
    limit: int = DEFAULT_ROUNDS,
    standing: str | None = None,
    if_none_match: str | None = None,
    after: Position | None = None,
) -> Response:
    """A page of rounds, from the cache when it can be (the first page is computed ahead)."""
    return cached_json(
        cache,
        store,
        ("rounds", first, last, limit, standing, after),
        ROUNDS,
        lambda: reads.read_rounds(
            store, date_from=first, date_to=last, limit=limit, after=after, standing=standing
        ),
        if_none_match=if_none_match,
    )
