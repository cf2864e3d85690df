"""Claims on the page in headless Chromium: a contested attendee shows both sources side by
side, a derived edge is drawn dashed and labelled inferred, a planned event is marked."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest

from api.settings import ApiSettings
from graph.models import Article
from graph.store import GraphStore
from loaders.extract import extract_article
from tests.support.page import get_json, open_page, save_screenshot, serve_api, wait_until

pytestmark = pytest.mark.browser

ARTICLES = [
    (
        "page-reuters",
        "Reuters",
        "2024-08-13",
        "The Hamas delegation took part in the talks in Cairo on Monday, an Egyptian official "
        "told Reuters.",
    ),
    (
        "page-aljazeera",
        "Al Jazeera",
        "2024-08-13",
        "The Hamas delegation did not attend the talks in Cairo on Monday, Hamas official Basem "
        "Naim told Al Jazeera.",
    ),
    ("page-doha", "Wire", "2024-10-29", "Mediators held talks in Doha on Monday with Hamas."),
    (
        "page-plan",
        "Wire",
        "2024-11-12",
        "The Israeli delegation will hold talks in Cairo on Thursday with Egyptian mediators.",
    ),
]
CONTESTED_ROUND = "talks-cairo-2024-08"
DELEGATION = "hamas-delegation-2024-08"


@pytest.fixture(scope="module")
def base_url(graph_settings: ApiSettings, session_store: GraphStore) -> Iterator[str]:
    """The API and page over our own articles: a contested round, a later one, a planned one."""
    session_store.delete_all()
    for aid, source, published, text in ARTICLES:
        digest = hashlib.sha256(text.encode()).hexdigest()
        article = Article(
            id=aid,
            title=f"Report {aid}",
            source=source,
            published=published,
            text=text,
            content_hash=digest,
        )
        session_store.write_article(extract_article(article))
    assert session_store.derive_sequences() >= 2
    with serve_api(graph_settings) as base:
        yield base
    session_store.delete_all()


def open_ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def test_page_contested_attendee_shows_both_sources(browser: Any, base_url: str) -> None:
    call = get_json(base_url, f"/rounds/{CONTESTED_ROUND}/attendees")
    assert DELEGATION in call["standings"]["contested"]
    with open_page(browser) as (page, console):
        open_ready(page, base_url + "/")
        page.click("#tab-rounds")
        page.click(f"#rounds-list button[data-id='{CONTESTED_ROUND}']")
        card = page.locator(f"#rollcall .card[data-id='{CONTESTED_ROUND}']")
        card.wait_for()
        row = card.locator(f"tr[data-id='{DELEGATION}']")
        badge = row.locator(".standing")
        # the standing is written out, with a symbol, not shown by colour alone
        assert "contested" in badge.inner_text()
        assert badge.locator(".standing-mark").inner_text().strip()
        sides = row.locator(".sides .side")
        assert sides.count() == 2
        affirm, dispute = sides.nth(0).inner_text(), sides.nth(1).inner_text()
        assert "took part" in affirm and "Reuters, quoting unnamed Egyptian official" in affirm
        assert "did not attend" in dispute and "Al Jazeera, quoting Basem Naim" in dispute
        # a confirmed party beside it looks different: another word and another border
        styles = {
            s: page.locator(f"#rollcall .standing-{s}").first.evaluate(
                "e => getComputedStyle(e).borderStyle"
            )
            for s in ("contested",)
        }
        assert styles["contested"] == "double"
        save_screenshot(page, "roll-call-contested")
        assert console.errors == []


def test_page_derived_edge_is_dashed_and_inferred(browser: Any, base_url: str) -> None:
    rounds = get_json(base_url, "/rounds")["items"]
    doha = next(r for r in rounds if r["id"].startswith("talks-doha"))
    chain = get_json(base_url, f"/events/{doha['id']}/chain", direction="back", depth=1)
    assert [link["basis"] for link in chain["links"]] == ["derived"]
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=event:{doha['id']}")
        wait_until(page, "Number(document.querySelector('#graph-canvas').dataset.inferred) > 0")
        canvas = page.locator("#graph-canvas")
        assert canvas.get_attribute("data-inferred-style") == "dashed"
        labels = (canvas.get_attribute("data-inferred-labels") or "").split("|")
        assert labels and all(label.startswith("inferred") for label in labels), labels
        derived = page.locator("#details .relation.derived")
        derived.first.wait_for()
        text = derived.first.inner_text()
        assert "inferred" in text and "rounds in date order" in text
        assert "no article states this link" in text
        page.click("#graph-fit")
        save_screenshot(page, "graph-derived-edge")
        assert console.errors == []


def test_page_timeline_marks_planned_events(browser: Any, base_url: str) -> None:
    [planned] = get_json(base_url, "/timeline", standing="expected")["items"]
    with open_page(browser) as (page, console):
        open_ready(page, base_url + "/")
        page.click("#tab-timeline")
        page.locator("#timeline-chart svg .mark").first.wait_for()
        row = page.locator(f"#timeline-list tr[data-id='{planned['id']}']")
        assert row.locator(".planned-tag").inner_text() == "planned"
        mark = page.locator(f"#timeline-chart .mark[data-id='{planned['id']}']")
        assert "planned" in (mark.get_attribute("class") or "")
        others = page.locator("#timeline-list .planned-tag").count()
        assert others == 1, "only the announced round is marked planned"
        save_screenshot(page, "timeline-planned")
        assert console.errors == []
