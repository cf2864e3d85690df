"""GET /rounds and the roll call of one round."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import TypeAdapter

from api.answers import DEFAULT_ROUNDS, rounds_response
from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, position_of
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.routes.timeline import DateFrom, DateTo, date_range
from graph import reads
from graph.models import Standing
from graph.views import STANDING_TEXT, Page, RollCall, Round

router = APIRouter(prefix="/rounds", tags=["rounds"])
ROLL_CALL = TypeAdapter(RollCall)
MAX_ROUNDS = 1000
__all__ = ["rounds_response", "router"]  # rounds_response: also the precomputed first page


@router.get("", response_model=Page[Round], responses={**problems(422, 503), **NOT_MODIFIED})
def list_rounds(
    store: StoreDep,
    cache: CacheDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_ROUNDS, description=f"rounds per page (at most {MAX_ROUNDS})")
    ] = DEFAULT_ROUNDS,
    cursor: CursorQuery = None,
    standing: Annotated[
        Standing | None, Query(description="only rounds of this standing: " + STANDING_TEXT)
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Rounds of talks in date order: date, place, mediators, hosts, how many attended, and the
    round's standing with its independent sources and claimants.

    Sorted by `date_start`, then id; pass a page's `next_cursor` as `cursor` for the next page.
    `attendee_count` counts the roll call of `/rounds/{id}/attendees`: parties, delegations and
    the members of delegations that attended.
    """
    after = position_of(cursor)
    first, last = date_range(date_from, date_to)
    name = str(standing) if standing else None
    return rounds_response(cache, store, first, last, limit, name, if_none_match, after)


@router.get(
    "/{round_id}/attendees",
    response_model=RollCall,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_attendees(
    store: StoreDep,
    cache: CacheDep,
    round_id: Annotated[str, Path(description="the round's event id, as /rounds lists it")],
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The roll call of one round: who attended, in which delegation, and who says so.

    An attendee is an entity that ATTENDED the round or took part as `attendee`, or a member
    (MEMBER_OF) or head (LEADS) of a delegation that did (basis `derived`). Each comes with its
    standing (confirmed, expected, contested, unconfirmed or denied, computed from every claim),
    its independent sources, and the claims that place it there: each quote with its status,
    its claimant, and the article's outlet and date. `standings` groups the attendees' ids by
    standing.
    """
    return cached_json(
        cache,
        store,
        ("roll call", round_id),
        ROLL_CALL,
        lambda: reads.read_round_attendees(store, round_id),
        if_none_match=if_none_match,
    )
