"""Articles: list, one article's facts, and adding an article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status
from pydantic import TypeAdapter

from api.cache import NOT_MODIFIED, IfNoneMatch, cached_json
from api.cursor import CursorQuery, offset_of
from api.deps import ApiKeyDep, CacheDep, IngestDep, IngestRunnerDep, SettingsDep, StoreDep
from api.problems import invalid, problems
from api.schemas import IngestRequest, IngestResult
from graph import reads
from graph.models import WriteStatus
from graph.views import ArticleMeta, ArticleProfile, ArticleText, Page

router = APIRouter(prefix="/articles", tags=["articles"])
ARTICLES = TypeAdapter(Page[ArticleMeta])
ARTICLE = TypeAdapter(ArticleProfile)
TEXT = TypeAdapter(ArticleText)
ArticleIdPath = Annotated[str, Path(description="the article's id, as /articles lists it")]
MAX_PAGE = 500


@router.get("", response_model=Page[ArticleMeta], responses={**problems(422, 503), **NOT_MODIFIED})
def list_articles(
    store: StoreDep,
    cache: CacheDep,
    source: Annotated[
        str | None, Query(max_length=500, description="only articles of this source")
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"articles per page (at most {MAX_PAGE})")
    ] = 50,
    cursor: CursorQuery = None,
    if_none_match: IfNoneMatch = None,
) -> Response:
    """Articles in the graph, newest first (undated last); `/search` finds them by title."""
    at = offset_of(cursor)
    return cached_json(
        cache,
        store,
        ("articles", source, limit, at),
        ARTICLES,
        lambda: reads.list_articles(store, source=source, limit=limit, offset=at),
        if_none_match=if_none_match,
    )


@router.get(
    "/{article_id}",
    response_model=ArticleProfile,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_article(
    store: StoreDep, cache: CacheDep, article_id: ArticleIdPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One article's metadata and the facts taken from it: the entities, events and issues it
    mentions and the relations it states, each with the sentences it gives for them (their
    `start` and `end` index the text of `/articles/{id}/text`)."""
    return cached_json(
        cache,
        store,
        ("article", article_id),
        ARTICLE,
        lambda: reads.read_article_facts(store, article_id),
        if_none_match=if_none_match,
    )


@router.get(
    "/{article_id}/text",
    response_model=ArticleText,
    responses={**problems(404, 422, 503), **NOT_MODIFIED},
)
def get_article_text(
    store: StoreDep, cache: CacheDep, article_id: ArticleIdPath, if_none_match: IfNoneMatch = None
) -> Response:
    """An article's cleaned text: the text the `start` and `end` of every quote of the article
    index, so `text[start:end]` is the quoted sentence and a client can show it in context."""
    return cached_json(
        cache,
        store,
        ("article text", article_id),
        TEXT,
        lambda: reads.read_article_text(store, article_id),
        if_none_match=if_none_match,
    )


@router.post(
    "",
    response_model=IngestResult,
    status_code=status.HTTP_201_CREATED,
    responses={
        200: {"model": IngestResult, "description": "already in the graph: unchanged or updated"},
        **problems(
            400,
            401,
            403,
            409,
            413,
            422,
            503,
            s403="wrong key, or ingest disabled (no KG_API_KEY set)",
            s413="body larger than KG_MAX_ARTICLE_BYTES",
            s422="the article cannot be used: a field is invalid, or its text is over "
            "KG_MAX_ARTICLE_CHARS (each reason is listed in `errors`)",
        ),
    },
)
async def add_article(
    _key: ApiKeyDep,
    ingest: IngestDep,
    runner: IngestRunnerDep,
    settings: SettingsDep,
    store: StoreDep,
    body: IngestRequest,
    response: Response,
) -> dict[str, Any]:
    """Add one article: its facts are extracted and merged into the graph.

    Needs the header `X-API-Key` set to the server's `KG_API_KEY`; without that setting the
    route answers 403. Answers 201 when the article is new, 200 when it was already there
    (`unchanged` when the text is the same, `updated` when its facts were replaced). A text
    longer than `KG_MAX_ARTICLE_CHARS` characters answers 422; extraction runs at most
    `KG_INGEST_CONCURRENCY` articles at once, later posts wait their turn.
    """
    cap = settings.kg_max_article_chars
    if len(body.text) > cap:
        raise invalid(
            ("body", "text"),
            f"article {body.id!r} cannot be used: its text has {len(body.text)} "
            f"characters, over the cap of {cap} per article (set by KG_MAX_ARTICLE_CHARS)",
            "string_too_long",
        )
    try:
        facts = await runner.extract(ingest, body)
    except ValueError as e:
        raise invalid(("body",), f"article {body.id!r} cannot be used: {e}") from e
    written = await runner.write(store, facts)
    if written is not WriteStatus.LOADED:
        response.status_code = status.HTTP_200_OK
    return {
        "id": facts.article.id,
        "status": written,
        "counts": {
            "entities": len(facts.entities),
            "events": len(facts.events),
            "relations": len(facts.relations),
        },
    }
