"""GET /timeline: events in date order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, position_of
from api.deps import CacheDep, StoreDep
from api.problems import invalid, problems
from graph import reads
from graph.models import EventKind, IsoDate, Standing
from graph.views import STANDING_TEXT, Page, TimelineEvent

router = APIRouter(tags=["timeline"])
PAGE = TypeAdapter(Page[TimelineEvent])
MAX_PAGE = 500

DateFrom = Annotated[
    IsoDate | None,
    Query(alias="from", description="first day, YYYY-MM-DD (undated events drop out)"),
]
DateTo = Annotated[
    IsoDate | None, Query(alias="to", description="last day, YYYY-MM-DD, on or after `from`")
]


def date_range(first: str | None, last: str | None) -> tuple[str | None, str | None]:
    """The days asked for; a 422 naming `to` when it is before `from`."""
    if first is not None and last is not None and last < first:
        raise invalid(("query", "to"), "Value error, `to` is before `from`: no day lies between")
    return first, last


@router.get(
    "/timeline",
    response_model=Page[TimelineEvent],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_timeline(
    store: StoreDep,
    cache: CacheDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    kind: Annotated[EventKind | None, Query(description="only events of this kind")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="only events this entity id is linked to")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"events per page (at most {MAX_PAGE})")
    ] = 50,
    cursor: CursorQuery = None,
    standing: Annotated[
        Standing | None, Query(description="only events of this standing: " + STANDING_TEXT)
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Events in date order, undated ones last, each with its participants, place and sources.

    Sorted by `date_start` (the first day a date covers: a month-precise "2024-10" sorts as
    2024-10-01), then by id. Filter by a date range (`from`, `to`: undated events drop out), by
    `kind`, by an `actor` (an entity id), or by `standing`, computed from each event's claims.
    Pages are `limit` events long; pass a page's `next_cursor` as `cursor` for the next (null on
    the last page). `total` counts the whole list (null with `standing`).
    """
    after = position_of(cursor)
    first, last = date_range(date_from, date_to)
    kind_name = str(kind) if kind else None
    standing_name = str(standing) if standing else None
    return cached_json(
        cache,
        store,
        ("timeline", first, last, kind_name, actor, limit, after, standing_name),
        PAGE,
        lambda: reads.read_timeline(
            store,
            date_from=first,
            date_to=last,
            kind=kind_name,
            actor=actor,
            limit=limit,
            after=after,
            standing=standing_name,
        ),
        if_none_match=if_none_match,
    )
