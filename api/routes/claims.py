"""GET /claims: the claims behind one fact, side by side."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, offset_of
from api.deps import CacheDep, StoreDep
from api.problems import problems
from graph import reads
from graph.models import Predicate
from graph.views import ClaimsAnswer, FactClaims, Page

router = APIRouter(tags=["claims"])
ANSWER = TypeAdapter(ClaimsAnswer)
EDGES = TypeAdapter(Page[FactClaims])
MAX_PAGE = 200


@router.get(
    "/claims", response_model=ClaimsAnswer, responses={**problems(404, 422, 503), **NOT_MODIFIED}
)
def get_claims(
    store: StoreDep,
    cache: CacheDep,
    subject: Annotated[str, Query(min_length=1, description="id of the fact's subject")],
    object: Annotated[str, Query(min_length=1, description="id of the fact's object")],
    predicate: Annotated[
        Predicate | None, Query(description="only this fact type; default: every one")
    ] = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The claims behind the facts from `subject` to `object`, side by side.

    Each fact comes with its standing, its independent sources and every claim: the quoted
    sentence, the status its article gives the fact (stated, planned, doubted, denied,
    hypothetical), its claimant, and the article's outlet and date. A participation as
    attendee or mediator counts as ATTENDED or MEDIATED. An edge a rule derived has basis
    `derived`, its rule and the dated evidence of both ends instead of claims.
    """
    name = str(predicate) if predicate else None
    return cached_json(
        cache,
        store,
        ("claims", subject, object, name),
        ANSWER,
        lambda: reads.read_claims(store, subject, object, name),
        if_none_match=if_none_match,
    )


@router.get(
    "/edges",
    response_model=Page[FactClaims],
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def list_edges(
    store: StoreDep,
    cache: CacheDep,
    source: Annotated[str, Query(min_length=1, max_length=200, description="id of the source")],
    target: Annotated[str, Query(min_length=1, max_length=200, description="id of the target")],
    predicate: Annotated[
        Predicate | None, Query(description="only this fact type; default: every one")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"edges per page (at most {MAX_PAGE})")
    ] = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """The edges from `source` to `target` with their evidence: for each fact type, its
    standing, independent sources and every claim (quote, offsets, status, claimant, article),
    as `/claims` gives them, in one page of the list envelope. Open a quote in its context with
    `/articles/{claim.article.id}/text`."""
    at = offset_of(cursor)
    name = str(predicate) if predicate else None
    return cached_json(
        cache,
        store,
        ("edges", source, target, name, limit, at),
        EDGES,
        lambda: reads.read_edges(store, source, target, name, offset=at, limit=limit),
        if_none_match=if_none_match,
    )
