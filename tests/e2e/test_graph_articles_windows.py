"""Article pages read window by window back from the newest date: same pages as one sort."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import Any

import pytest

from graph.models import Article, ArticleFacts
from graph.reads import list_articles
from graph.reads.articles import MAX_WINDOWED, newest_published
from graph.reads.run import run_read
from graph.store import GraphStore
from graph.views import ArticleMeta, Page

SOURCES = ("North Wire", "Harbour Post")


def _article(i: int, published: str | None, source: str) -> ArticleFacts:
    text = f"Dispatch number {i} of an invented wire."
    return ArticleFacts(
        article=Article(
            id=f"dispatch-{i:03d}",
            title=f"Dispatch {i}",
            source=source,
            published=published,
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
    )


def _spread(rng: random.Random) -> list[str | None]:
    """Many on one day, gaps of days, months and decades, and a few undated."""
    newest = dt.date(2041, 6, 30)
    back = [0] * 9 + [1, 2, 5, 9, 40, 41, 400, 3000, 3001, 9000, 20000]
    back += [rng.randrange(0, 20000) for _ in range(30)]
    days: list[str | None] = [(newest - dt.timedelta(days=b)).isoformat() for b in back]
    return days + [None] * 5


@pytest.fixture
def dispatches(store: GraphStore) -> list[ArticleFacts]:
    rng = random.Random(3)
    written = [_article(i, d, rng.choice(SOURCES)) for i, d in enumerate(_spread(rng))]
    store.write_articles(written)
    return written


def _one_sort(
    store: GraphStore, source: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    return run_read(store, "read_articles", source=source, before=None, limit=limit, offset=offset)


def test_the_newest_publication_date_written_is_kept(
    store: GraphStore, dispatches: list[Any]
) -> None:
    assert newest_published(store) == "2041-06-30"
    store.write_article(_article(999, "2042-01-02", SOURCES[0]))
    assert newest_published(store) == "2042-01-02"
    store.delete_all()
    assert newest_published(store) is None


def rows_of(page: Page[ArticleMeta]) -> list[dict[str, Any]]:
    """A page's articles as the rows of one sorted query."""
    return [a.model_dump() for a in page.items]


@pytest.mark.parametrize("source", [None, *SOURCES, "No Such Wire"])
@pytest.mark.parametrize("limit", [1, 4, 7, 50])
def test_every_page_equals_one_sort(
    store: GraphStore, dispatches: list[Any], source: str | None, limit: int
) -> None:
    expected = _one_sort(store, source, 1000, 0)
    if source in SOURCES:
        assert 0 < len(expected) < len(dispatches)
    pages: list[dict[str, Any]] = []
    for offset in range(0, len(dispatches) + limit, limit):
        page = rows_of(list_articles(store, source=source, limit=limit, offset=offset))
        assert page == _one_sort(store, source, limit, offset)
        pages += page
    assert pages == expected
    assert [a["published"] for a in pages][-1:] == ([None] if source != "No Such Wire" else [])


def test_deep_pages_and_graphs_without_a_newest_date_use_one_sort(
    store: GraphStore, dispatches: list[Any]
) -> None:
    deep = rows_of(list_articles(store, limit=10, offset=MAX_WINDOWED))
    assert deep == []  # fewer articles than the deep offset
    store.write(lambda tx: tx.run("MATCH (g:GraphState) REMOVE g.newest_published").consume())
    assert newest_published(store) is None
    assert rows_of(list_articles(store, limit=20)) == _one_sort(store, None, 20, 0)
    store.ensure_schema()  # an older graph: recorded again only if never tracked
    store.write(lambda tx: tx.run("MATCH (g:GraphState) REMOVE g.newest_tracked").consume())
    store.ensure_schema()
    assert newest_published(store) == "2041-06-30"
