"""GET /rounds and the roll call of one round."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, RevisionCache, cached_json
from api.deps import CacheDep, StoreDep
from api.problems import problems
from api.schemas import STANDING_TEXT, RollCall, Round
from graph import reads
from graph.models import IsoDate, Standing
from graph.store import GraphStore

router = APIRouter(prefix="/rounds", tags=["rounds"])
ROUNDS = TypeAdapter(list[Round])
ROLL_CALL = TypeAdapter(RollCall)
DEFAULT_ROUNDS = 200


@router.get("", response_model=list[Round], responses={**problems(422, 503), **NOT_MODIFIED})
def list_rounds(
    store: StoreDep,
    cache: CacheDep,
    date_from: Annotated[
        IsoDate | None, Query(alias="from", description="first day, YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        IsoDate | None, Query(alias="to", description="last day, YYYY-MM-DD")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=1000, description="most rounds returned")
    ] = DEFAULT_ROUNDS,
    standing: Annotated[
        Standing | None, Query(description="only rounds of this standing: " + STANDING_TEXT)
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Rounds of talks in date order: date, place, mediators, hosts, how many attended, and the
    round's standing with its independent sources and claimants.

    `attendee_count` counts the roll call of `/rounds/{id}/attendees`: parties, delegations and
    the members of delegations that attended.
    """
    first, last = date_from, date_to
    name = str(standing) if standing else None
    return rounds_response(cache, store, first, last, limit, name, if_none_match)


def rounds_response(
    cache: RevisionCache,
    store: GraphStore,
    first: str | None = None,
    last: str | None = None,
    limit: int = DEFAULT_ROUNDS,
    standing: str | None = None,
    if_none_match: str | None = None,
) -> Response:
    """A page of rounds, from the cache when it can be (also used to precompute it)."""
    return cached_json(
        cache,
        store,
        ("rounds", first, last, limit)
        if standing is None
        else ("rounds", first, last, limit, standing),
        ROUNDS,
        lambda: reads.read_rounds(
            store, date_from=first, date_to=last, limit=limit, standing=standing
        ),
        if_none_match=if_none_match,
    )


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
