"""GET /search: entities, events and articles in one list of typed hits."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import AfterValidator, TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, offset_of
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.routes.entities import MAX_PAGE, searchable
from graph import reads
from graph.views import SearchPage

router = APIRouter(tags=["search"])
HITS = TypeAdapter(SearchPage)


@router.get("/search", response_model=SearchPage, responses={**problems(422, 503), **NOT_MODIFIED})
def search(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="words to look for: a name, a place, "
            "words of an event's label or of an article's title",
        ),
        AfterValidator(searchable),
    ],
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"hits per page (at most {MAX_PAGE})")
    ] = 20,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Everything that matches `q`, as typed hits: entities by name or alias (best first, as
    `/entities` ranks them), events by label, place or participant (newest first), then
    articles by title (newest first). Each hit names its kind in `hit` and carries the summary
    of that kind (`entity`, `event` or `article`).

    When nothing matches as typed, the entity hits are the names a few typing errors away and
    `did_you_mean` offers them ("sinwarr": "Yahya Sinwar"); an empty page with an empty
    `did_you_mean` means nothing comes close.
    """
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("search all", q, limit, at),
        HITS,
        lambda: reads.search_all(store, q, offset=at, limit=limit),
        if_none_match=if_none_match,
    )
