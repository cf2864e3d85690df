"""The timeline tells the story in headless Chromium: labelled marks in lanes that never overlap,
prev / next stepping by arrow keys that shows each event's sources and centres the graph on it,
chips that count the range in view, and a page that asks the API only for the range it shows,
with a virtualised list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from api.settings import ApiSettings
from bench.facts import iter_event_facts
from graph.store import GraphStore
from tests.support.page import (
    get_json,
    open_page,
    save_screenshot,
    serve_api,
    wait_until,
)

pytestmark = pytest.mark.browser

CY = "document.querySelector('#graph-canvas')._cyreg.cy"
# The boxes of the timeline's marks (with their labels) that overlap another mark's box.
OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('#timeline-chart .mark')].map((m) => m.getBBox());
  let overlaps = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i], boxes[j]];
    const across = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1;
    if (across && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1) overlaps++;
  }
  return overlaps;
}"""


def open_ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def selected(page: Any) -> str:
    return str(page.evaluate("decodeURIComponent(location.hash).split('sel=')[1] || ''"))


def dated_events(base: str) -> list[dict[str, Any]]:
    return [e for e in get_json(base, "/timeline", limit=500)["items"] if e["date"]]


def test_page_timeline_marks_are_labelled_in_lanes_that_never_overlap(
    browser: Any, base_url: str
) -> None:
    october = [e for e in dated_events(base_url) if e["date"].startswith("2024-10")]
    assert sum(e["kind"] == "talks" for e in october) >= 2, "rounds crowd late October 2024"
    for width in (1280, 800, 390):
        with open_page(browser, width=width, height=844) as (page, console):
            open_ready(page, f"{base_url}/#view=timeline")
            page.locator("#timeline-chart .mark").first.wait_for()
            marks = int(page.get_attribute("#timeline-chart", "data-marks") or 0)
            labelled = int(page.get_attribute("#timeline-chart", "data-labelled") or 0)
            assert marks == len(dated_events(base_url))
            assert labelled >= marks // 2, (labelled, marks)
            assert page.evaluate(OVERLAPS) == 0
            save_screenshot(page, f"timeline-lanes-{width}")
            assert console.errors == []


def test_page_story_steps_by_arrow_keys_and_centres_the_graph(browser: Any, base_url: str) -> None:
    events = dated_events(base_url)
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{base_url}/#view=timeline")
        page.locator("#timeline-chart .mark").first.wait_for()
        page.focus("#timeline-chart")
        page.keyboard.press("ArrowRight")
        wait_until(page, f"location.hash.includes('{events[0]['id']}')")
        page.keyboard.press("ArrowRight")
        wait_until(page, f"location.hash.includes('{events[1]['id']}')")
        card = page.locator(f"#details .card[data-id='{events[1]['id']}']")
        card.wait_for()
        assert card.locator(".evidence .quote").count() > 0, "each step shows its sources"
        assert page.locator("#story-pos").inner_text().startswith(f"2 of {len(events)}")
        page.keyboard.press("ArrowLeft")
        wait_until(page, f"location.hash.includes('{events[0]['id']}')")

        # in the graph, each step re-centres the graph on the event and its participants
        page.click("#tab-graph")
        page.locator("#story-next").focus()
        for expected in events[1:4]:
            page.keyboard.press("ArrowRight")
            wait_until(page, f"location.hash.includes('{expected['id']}')")
            wait_until(page, f"{CY}.getElementById('{expected['id']}').selected()")
            # the participants come into view once the centring animation ends
            wait_until(
                page,
                f"""() => {{
                  const cy = {CY};
                  const around = cy.getElementById('{expected["id"]}').closedNeighborhood('node')
                    .not('.filtered, .hidden, .folded');
                  const [w, h] = [cy.width(), cy.height()];
                  return !cy.animated() && around.every((n) => {{
                    const p = n.renderedPosition();
                    return p.x >= 0 && p.x <= w && p.y >= 0 && p.y <= h;
                  }});
                }}""",
                timeout=5,
            )
        save_screenshot(page, "story-graph-step")
        assert console.errors == []


def test_page_kind_chips_count_only_the_range_in_view(browser: Any, base_url: str) -> None:
    october = get_json(base_url, "/timeline", **{"from": "2024-10-01", "to": "2024-10-31"})
    kinds = Counter(e["kind"] for e in october["items"])
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=timeline&from=2024-10-01&to=2024-10-31")
        chip = page.locator("#timeline-kinds button[data-kind='talks']")
        chip.wait_for()
        assert chip.inner_text().endswith(f"({kinds['talks']})")
        killing = page.locator("#timeline-kinds button[data-kind='killing']")
        assert killing.inner_text().endswith(f"({kinds['killing']})")
        assert console.errors == []


@pytest.fixture(scope="module")
def crowd_url(
    base_url: str, graph_settings: ApiSettings, session_store: GraphStore
) -> Iterator[str]:
    """The API and page over 1,200 generated events."""
    session_store.delete_all()
    facts = list(islice(iter_event_facts(1200), 1200))
    for start in range(0, len(facts), 64):
        session_store.write_articles(facts[start : start + 64])
    session_store.derive_sequences()
    with serve_api(graph_settings) as base:
        yield base


def test_page_asks_only_for_the_range_in_view_and_virtualises_the_list(
    browser: Any, crowd_url: str
) -> None:
    with open_page(browser, width=1280, height=800) as (page, console):
        asked: list[dict[str, list[str]]] = []
        page.on(
            "request",
            lambda r: (
                asked.append(parse_qs(urlparse(r.url).query))
                if urlparse(r.url).path == "/timeline"
                else None
            ),
        )
        open_ready(page, f"{crowd_url}/#view=timeline")
        page.locator("#timeline-list tbody tr[data-id]").first.wait_for()
        # never the whole timeline page by page: one probe of the first page, then ranges
        assert not [q for q in asked if "cursor" in q and "from" not in q], asked
        assert any("from" in q and "to" in q for q in asked), asked
        count = int(page.get_attribute("#timeline-list", "data-count") or 0)
        rendered = page.locator("#timeline-list tbody tr[data-id]").count()
        assert count > 200 and rendered < 100, (count, rendered)
        page.locator("#timeline-wrap").evaluate("w => { w.scrollTop = w.scrollHeight; }")
        page.wait_for_timeout(200)
        last = page.locator("#timeline-list tbody tr[data-id]").last
        assert page.locator("#timeline-list tbody tr[data-id]").count() < 100
        assert last.is_visible(), "scrolled to the end, the last rows are drawn"

        month = get_json(crowd_url, "/timeline", limit=500)["items"][250]["date"][:7]
        first, last_day = f"{month}-01", f"{month}-28"
        expected = get_json(crowd_url, "/timeline", limit=500, **{"from": first, "to": last_day})
        asked.clear()
        page.fill("#range-from", first)
        page.fill("#range-to", last_day)
        wait_until(page, f"location.hash.includes('to={last_day}')")
        count = len(expected["items"])
        wait_until(page, f"document.querySelector('#timeline-list').dataset.count === '{count}'")
        assert {"from": [first], "to": [last_day], "limit": ["500"]} in asked, asked
        rows = page.locator("#timeline-list tbody tr[data-id]")
        dates = [rows.nth(i).get_attribute("data-date") or "" for i in range(rows.count())]
        assert dates and all(d.startswith(month) for d in dates), dates[:5]
        save_screenshot(page, "timeline-crowd-range")
        assert console.errors == []
