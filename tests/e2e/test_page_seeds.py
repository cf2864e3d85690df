"""The analyst's page in headless Chromium against the API over the seed articles."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import pytest

from tests.support.page import (
    get_json,
    open_page,
    save_screenshot,
    wait_until,
)

pytestmark = pytest.mark.browser


def find_killing(base: str, victim: str) -> dict[str, Any]:
    """The killing event whose victim's name holds `victim`, found through the API."""
    events = get_json(base, "/timeline", kind="killing", limit=500)["items"]
    for event in events:
        victims = [p["name"] or "" for p in event["participants"] if p["role"] == "victim"]
        if any(victim in name for name in victims):
            return dict(event)
    raise AssertionError(f"no killing of {victim} in the seed graph")


def find_round(base: str, month: str, place: str) -> dict[str, Any]:
    """The round of talks held in `place` in `month` (YYYY-MM), found through the API."""
    for round_ in get_json(base, "/rounds")["items"]:
        held_in = (round_["place"] or {}).get("name")
        if (round_["date"] or "").startswith(month) and held_in == place:
            return dict(round_)
    raise AssertionError(f"no round in {place} in {month}")


def open_ready(page: Any, url: str) -> None:
    """Opens `url` and waits until the page has loaded its data."""
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def selection_in_url(page: Any) -> str:
    """The `sel` parameter of the page's URL."""
    match = re.search(r"[#&]sel=([^&]+)", page.url)
    return unquote(match.group(1)) if match else ""


def test_page_search_opens_killing_with_quote_and_article(browser: Any, base_url: str) -> None:
    killing = find_killing(base_url, "Sinwar")
    with open_page(browser) as (page, console):
        open_ready(page, base_url + "/")
        page.fill("#search-input", "Sinwar")
        page.wait_for_selector(f"#search-results [data-id='{killing['id']}']")
        options = page.locator("#search-results [role=option]")
        ids = [options.nth(i).get_attribute("data-id") for i in range(options.count())]
        assert any(i != killing["id"] for i in ids), "the person is offered too"
        for _ in range(ids.index(killing["id"])):
            page.keyboard.press("ArrowDown")
        active = page.locator("#search-results [aria-selected=true]")
        assert active.get_attribute("data-id") == killing["id"]
        save_screenshot(page, "search-sinwar")
        page.keyboard.press("Enter")

        card = page.locator(f"#details .card[data-id='{killing['id']}']")
        card.wait_for()
        assert "Sinwar" in card.locator("h2").inner_text()
        assert selection_in_url(page) == f"event:{killing['id']}"
        quote = card.locator(".evidence").first
        assert "Sinwar" in quote.locator(".quote").inner_text()
        cite = quote.locator(".cite")
        assert cite.locator(".outlet").inner_text().strip(" ·")
        assert re.search(r"\d{4}", cite.locator(".date").inner_text())
        page.locator("#graph-canvas[data-nodes]").wait_for()
        save_screenshot(page, "event-sinwar-killing")

        article_title = cite.locator(".article-title").inner_text()
        cite.locator(".article-title").click()
        article = page.locator("#details .card h2")
        article.filter(has_text=article_title).wait_for()
        assert selection_in_url(page).startswith("article:")
        assert page.locator("#details .field").filter(has_text="Outlet").count() == 1
        save_screenshot(page, "article")

        page.go_back()
        card.wait_for()
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        card.wait_for()
        assert console.errors == []


def test_page_roll_call_of_august_doha_round_shows_barnea(browser: Any, base_url: str) -> None:
    round_ = find_round(base_url, "2024-08", "Doha")
    attendees = get_json(base_url, f"/rounds/{round_['id']}/attendees")["attendees"]
    barnea_id = next(a["id"] for a in attendees if a["name"] == "David Barnea")
    with open_page(browser) as (page, console):
        open_ready(page, base_url + "/")
        page.click("#tab-rounds")
        page.click(f"#rounds-list button[data-id='{round_['id']}']")
        call = page.locator(f"#rollcall .card[data-id='{round_['id']}']")
        call.wait_for()
        barnea = call.locator(f"tr[data-id='{barnea_id}']")
        assert barnea.locator("a.ref").inner_text() == "David Barnea"
        group = call.locator("tbody.group").filter(has=page.locator(f"tr[data-id='{barnea_id}']"))
        assert "delegation" in group.locator("tr.group-head").inner_text()
        ref = barnea.locator("a.quote-ref").first
        ref.click()
        quote = call.locator(f".rc-quote[data-quote='{ref.get_attribute('data-quote')}']")
        assert "current" in (quote.get_attribute("class") or "")
        assert "Barnea" in quote.locator(".quote").inner_text()
        assert quote.locator(".outlet").inner_text().strip(" ·")
        assert "David Barnea" in quote.locator(".supports").inner_text()
        assert f"round={round_['id']}" in page.url
        save_screenshot(page, "roll-call-doha-august-2024")
        barnea.locator("a.ref").first.click()
        page.locator("#details .card h2", has_text="David Barnea").wait_for()
        assert console.errors == []


def test_page_expand_adds_neighbours_to_graph(browser: Any, base_url: str) -> None:
    person = get_json(base_url, "/entities", q="David Barnea")["items"][0]
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=entity:{person['id']}")
        canvas = page.locator("#graph-canvas")
        wait_until(page, "Number(document.querySelector('#graph-canvas').dataset.nodes) > 1")
        before = int(canvas.get_attribute("data-nodes") or 0)
        event_link = page.locator("#details .events-mini a").first
        event_link.wait_for()
        event_link.click()
        wait_until(page, "location.hash.includes('sel=event')")
        page.click("#graph-expand")
        wait_until(
            page, f"Number(document.querySelector('#graph-canvas').dataset.nodes) > {before}"
        )
        after = int(canvas.get_attribute("data-nodes") or 0)
        assert after > before
        assert f"{after} nodes" in page.locator("#graph-status").inner_text()
        page.click("#graph-fit")
        save_screenshot(page, "graph-expanded")
        page.click("#graph-types button[data-type='Person']")
        assert "shown" in page.locator("#graph-status").inner_text()
        assert "types=Person" in page.url
        assert console.errors == []


def test_page_timeline_filters_to_october_2024(browser: Any, base_url: str) -> None:
    expected = get_json(base_url, "/timeline", **{"from": "2024-10-01", "to": "2024-10-31"})
    killing = find_killing(base_url, "Sinwar")
    with open_page(browser) as (page, console):
        open_ready(page, base_url + "/")
        page.click("#tab-timeline")
        page.locator("#timeline-chart svg .mark").first.wait_for()
        all_rows = page.locator("#timeline-list tbody tr").count()
        page.fill("#range-from", "2024-10-01")
        page.fill("#range-to", "2024-10-31")
        wait_until(page, "location.hash.includes('to=2024-10-31')")
        # the page asks the API for the range in view, and shows exactly its events
        count = len(expected["items"])
        wait_until(page, f"document.querySelector('#timeline-list').dataset.count === '{count}'")
        rows = page.locator("#timeline-list tbody tr")
        dates = [rows.nth(i).get_attribute("data-date") or "" for i in range(rows.count())]
        ids = {rows.nth(i).get_attribute("data-id") for i in range(rows.count())}
        assert 0 < len(dates) < all_rows
        assert all(d.startswith("2024-10") for d in dates), dates
        assert {e["id"] for e in expected["items"]} <= ids
        assert killing["id"] in ids
        save_screenshot(page, "timeline-october-2024")

        page.click("#timeline-kinds button[data-kind='killing']")
        assert page.locator(f"#timeline-list tr[data-id='{killing['id']}']").count() == 0
        page.click("#timeline-kinds button[data-kind='killing']")
        page.locator(f"#timeline-chart .mark[data-id='{killing['id']}']").click()
        page.locator(f"#details .card[data-id='{killing['id']}']").wait_for()
        assert console.errors == []
