"""GET /timeline: events in date order."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import decode_cursor, encode_cursor
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.schemas import STANDING_TEXT, TimelinePage
from graph import reads
from graph.models import EventKind, IsoDate, Standing

router = APIRouter(tags=["timeline"])
PAGE = TypeAdapter(TimelinePage)
MAX_PAGE = 500


@router.get(
    "/timeline", response_model=TimelinePage, responses={**problems(404, 422, 503), **NOT_MODIFIED}
)
def get_timeline(
    store: StoreDep,
    cache: CacheDep,
    date_from: Annotated[
        IsoDate | None, Query(alias="from", description="first day, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        IsoDate | None, Query(alias="to", description="last day, YYYY-MM-DD")
    ] = None,
    kind: Annotated[EventKind | None, Query(description="only events of this kind")] = None,
    actor: Annotated[
        str | None, Query(description="only events this entity id is linked to")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 50,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
    standing: Annotated[
        Standing | None, Query(description="only events of this standing: " + STANDING_TEXT)
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Events in date order, undated ones last, each with its participants, place and sources.

    Filter by a date range (`from`, `to`: undated events drop out), by `kind`, by an `actor`
    (an entity id), or by `standing`, computed from each event's claims. Pages are `limit`
    events long; pass the `next_cursor` of one page as `cursor` to get the next; it is null on
    the last page.
    """
    after = decode_cursor(cursor) if cursor else None
    first, last = date_from, date_to
    kind_name = str(kind) if kind else None
    standing_name = str(standing) if standing else None

    def page() -> dict[str, Any]:
        events, next_after = reads.read_timeline(
            store,
            date_from=first,
            date_to=last,
            kind=kind_name,
            actor=actor,
            limit=limit,
            after=after,
            standing=standing_name,
        )
        return {"events": events, "next_cursor": encode_cursor(next_after) if next_after else None}

    return cached_json(
        cache,
        store,
        ("timeline", first, last, kind_name, actor, limit, after, standing_name),
        PAGE,
        page,
        if_none_match=if_none_match,
    )
