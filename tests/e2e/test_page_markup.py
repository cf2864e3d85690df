"""Article-derived strings holding markup are shown as literal text, never run or parsed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest

from api.settings import ApiSettings
from graph.models import ArticleFacts, Evidence
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.page import open_page, save_screenshot, serve_api

pytestmark = pytest.mark.browser

TITLE = "<script>window.__injected = 'title'</script>Envoys meet"
OUTLET = "Wire <b onmouseover=alert(1)>bold</b>"
SENTENCE = "<img src=x onerror=\"window.__injected='quote'\"> Envoys met again in Lorvik."
ROLE = "<svg onload=\"window.__injected='role'\">envoy</svg>"


def markup_article() -> ArticleFacts:
    """An invented article whose title, outlet, a quote and a role carry markup."""
    base = talks_article("markup-article", extra=f" {SENTENCE}")
    text = base.article.text
    start = text.index(SENTENCE)
    quote = Evidence(
        article_id="markup-article",
        sentence=SENTENCE,
        start=start,
        end=start + len(SENTENCE),
        confidence=0.9,
    )
    article = base.article.model_copy(
        update={
            "title": TITLE,
            "source": OUTLET,
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        }
    )
    person = base.entities[0].model_copy(update={"roles": (ROLE,)})
    event = base.events[0].model_copy(update={"evidence": (*base.events[0].evidence, quote)})
    return base.model_copy(
        update={
            "article": article,
            "entities": (person, *base.entities[1:]),
            "events": (event,),
        }
    )


@pytest.fixture(scope="module")
def base_url(graph_settings: ApiSettings, session_store: GraphStore) -> Iterator[str]:
    """The API and page over a graph holding only the markup article."""
    session_store.delete_all()
    facts = markup_article()
    session_store.write_article(facts)
    with serve_api(graph_settings) as base:
        yield base


def test_page_shows_markup_in_article_strings_literally(browser: Any, base_url: str) -> None:
    facts = markup_article()
    event_id = facts.events[0].id
    person_id = facts.entities[0].id
    with open_page(browser) as (page, console):
        page.goto(f"{base_url}/#view=timeline&sel=event:{event_id}")
        page.wait_for_selector("body[data-ready=true]")
        card = page.locator(f"#details .card[data-id='{event_id}']")
        card.wait_for()
        quotes = card.locator(".quote").all_inner_texts()
        assert SENTENCE in quotes
        titles = card.locator(".article-title").all_inner_texts()
        assert TITLE in titles
        assert OUTLET in card.locator(".outlet").first.inner_text()
        save_screenshot(page, "markup-event")

        page.goto(f"{base_url}/#view=rounds&sel=entity:{person_id}")
        page.wait_for_selector("body[data-ready=true]")
        page.locator(f"#details .card[data-id='{person_id}']").wait_for()
        assert ROLE in page.locator("#details").inner_text()
        page.fill("#search-input", "Lorvik")
        page.wait_for_selector("#search-results [role=option]")

        assert page.evaluate("window.__injected") is None
        for tag in ("img", "script", "svg", "b"):
            assert page.locator(f"#details {tag}, #timeline-list {tag}").count() == 0, tag
        assert console.errors == []
