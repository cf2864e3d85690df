"""The page over the dev corpus in headless Chromium at 1280x800, 800x900 and 390x844: every
view fits its width with no overlapping panels (screenshots kept under artifacts/page/), every
control is reachable and operable by keyboard alone, and axe-core finds no serious or critical
accessibility violation."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from api.settings import ApiSettings
from graph.store import GraphStore
from loaders.pipeline import load_paths
from tests.support.page import get_json, open_page, save_screenshot, serve_api, wait_until
from tests.support.paths import REPO, SHARED

pytestmark = pytest.mark.browser
log = logging.getLogger(__name__)

DEV = SHARED / "eval" / "dev" / "articles"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SIZES = [(1280, 800), (800, 900), (390, 844)]
VIEWS = ["graph", "timeline", "rounds"]
CY = "document.querySelector('#graph-canvas')._cyreg.cy"

# The page's regions and, per region, the controls in it: boxes in CSS pixels.
LAYOUT = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const shown = (el) => el && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const regions = {};
  const parts = [
    ['topbar', '.topbar'], ['story', '#story'], ['views', '.views'], ['drawer', '.drawer'],
  ];
  for (const [name, sel] of parts) {
    const el = document.querySelector(sel);
    if (shown(el)) regions[name] = box(el);
  }
  const toolbar = '.view:not([hidden]) .toolbar';
  const wanted = `.topbar button, .topbar input, #story button, ${toolbar} button,
    ${toolbar} select, ${toolbar} .chips`;
  const name = (el) => el.id || el.dataset.type || el.dataset.kind || el.textContent.trim();
  // chips scroll sideways in their own strip on a phone: the strip must fit, not each chip
  const controls = [...document.querySelectorAll(wanted)].filter(shown)
    .filter((el) => !el.parentElement.closest('.chips'))
    .map((el) => ({ id: name(el), box: box(el) }));
  const scrollWidth = document.documentElement.scrollWidth;
  // a panel whose content is taller than itself must clip or scroll it, not paint over others
  const spills = [...document.querySelectorAll('.view:not([hidden]), .drawer, .details, .chart')]
    .filter(shown).filter((el) => getComputedStyle(el).overflowY === 'visible'
      && el.scrollHeight > el.clientHeight + 1).map((el) => el.id || el.className);
  return { regions, controls, width: innerWidth, height: innerHeight, scrollWidth, spills };
}"""


@pytest.fixture(scope="module")
def base_url(graph_settings: ApiSettings, session_store: GraphStore) -> Iterator[str]:
    """The API and page over the 30 articles of the dev corpus."""
    if not (DEV / "manifest.json").is_file():
        pytest.skip(f"dev corpus not found at {DEV}")
    session_store.delete_all()
    report = load_paths([DEV], session_store, manifest=DEV / "manifest.json")
    log.info("dev corpus loaded: %s", report)
    session_store.derive_sequences()
    with serve_api(graph_settings) as base:
        yield base


def busiest_round(base: str) -> str:
    rounds = get_json(base, "/rounds", limit=200)["items"]
    return str(max(rounds, key=lambda r: r["attendee_count"])["id"])


def overlap(a: list[float], b: list[float]) -> float:
    """The area two boxes share."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0) * max(h, 0)


def check_layout(page: Any, where: str) -> None:
    """No panel overlaps another, no control overlaps another or leaves the window."""
    layout = page.evaluate(LAYOUT)
    width = layout["width"]
    assert layout["scrollWidth"] <= width + 1, f"{where}: the page scrolls sideways"
    assert not layout["spills"], f"{where}: content spills out of {layout['spills']}"
    regions = layout["regions"]
    names = sorted(regions)
    for i, a in enumerate(names):
        left, _, right, _ = regions[a]
        assert left >= -1 and right <= width + 1, f"{where}: {a} leaves the window {regions[a]}"
        for b in names[i + 1 :]:
            assert overlap(regions[a], regions[b]) < 1, f"{where}: {a} overlaps {b}"
    if width < 1000:
        assert regions["drawer"][1] >= regions["views"][3] - 1, f"{where}: details below views"
    controls = layout["controls"]
    for i, c in enumerate(controls):
        left, top, right, bottom = c["box"]
        assert right - left > 0 and bottom - top > 0, f"{where}: {c['id']} has no size"
        assert left >= -1 and right <= width + 1, f"{where}: {c['id']} leaves the window"
        for d in controls[i + 1 :]:
            assert overlap(c["box"], d["box"]) < 1, f"{where}: {c['id']} overlaps {d['id']}"


@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_page_views_fit_each_width_without_overlaps(
    browser: Any, base_url: str, width: int, height: int
) -> None:
    round_id = busiest_round(base_url)
    size = f"{width}x{height}"
    with open_page(browser, width=width, height=height) as (page, console):
        page.goto(f"{base_url}/#view=graph")
        page.wait_for_selector("body[data-ready=true]")
        wait_until(page, "document.querySelector('#graph-canvas').dataset.layoutWhere")
        home = page.locator("#details .card.home")
        assert home.locator("h3", has_text="Latest rounds").count() == 1, "a first view of use"
        check_layout(page, f"graph {size}")
        save_screenshot(page, f"screens-graph-{size}")

        page.goto(f"{base_url}/#view=graph&sel=event:{round_id}")
        page.locator(f"#details .card[data-id='{round_id}']").wait_for()
        wait_until(page, f"{CY}.getElementById('{round_id}').selected()")
        check_layout(page, f"details {size}")
        save_screenshot(page, f"screens-details-{size}")

        page.goto(f"{base_url}/#view=timeline")
        page.locator("#timeline-chart .mark").first.wait_for()
        check_layout(page, f"timeline {size}")
        save_screenshot(page, f"screens-timeline-{size}")

        page.goto(f"{base_url}/#view=rounds&round={round_id}")
        page.locator(f"#rollcall .card[data-id='{round_id}']").wait_for()
        check_layout(page, f"rounds {size}")
        save_screenshot(page, f"screens-rounds-{size}")
        if width < 1000:
            page.click("#details-toggle")
            assert page.locator("#details").is_hidden()
            assert page.get_attribute("#details-toggle", "aria-expanded") == "false"
        assert console.errors == []


def tab_to(page: Any, selector: str, presses: int = 60) -> int:
    """Presses Tab until `selector` has the focus; how many presses it took."""
    for n in range(1, presses + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return n
    raise AssertionError(f"{selector} not reached by Tab in {presses} presses")


def hash_selection(page: Any) -> str:
    return str(page.evaluate("decodeURIComponent(location.hash).split('sel=')[1] || ''"))


@pytest.mark.parametrize(("width", "height"), [SIZES[0], SIZES[2]], ids=["1280x800", "390x844"])
def test_page_by_keyboard_alone_search_event_step_expand_undo(
    browser: Any, base_url: str, width: int, height: int
) -> None:
    with open_page(browser, width=width, height=height) as (page, console):
        page.goto(f"{base_url}/#view=graph")
        page.wait_for_selector("body[data-ready=true]")
        wait_until(page, "document.querySelector('#graph-canvas').dataset.layoutWhere")
        page.locator("body").focus()
        tab_to(page, "#search-input", presses=5)
        page.keyboard.type("Doha")
        page.wait_for_selector("#search-results [data-kind=event]")
        while page.get_attribute("#search-results [aria-selected=true]", "data-kind") != "event":
            page.keyboard.press("ArrowDown")
        event_id = page.get_attribute("#search-results [aria-selected=true]", "data-id")
        page.keyboard.press("Enter")
        page.locator(f"#details .card[data-id='{event_id}']").wait_for()
        assert hash_selection(page) == f"event:{event_id}"

        tab_to(page, "#story-next")
        page.keyboard.press("Enter")
        wait_until(page, f"!location.hash.includes({event_id!r})")
        stepped = hash_selection(page).split(":", 1)[1]
        page.locator(f"#details .card[data-id='{stepped}']").wait_for()
        page.keyboard.press("ArrowRight")  # the arrow keys step too
        wait_until(page, f"!location.hash.includes({stepped!r})")
        current = hash_selection(page).split(":", 1)[1]
        wait_until(page, f"{CY}.getElementById({current!r}).selected()")

        tab_to(page, "#graph-canvas")
        history = int(page.get_attribute("#graph-canvas", "data-history") or 0)
        page.keyboard.press("Enter")
        wait_until(page, f"{CY}.getElementById({current!r}).data('centre') === true")
        wait_until(
            page, f"Number(document.querySelector('#graph-canvas').dataset.history) > {history}"
        )
        page.keyboard.press("u")
        wait_until(
            page, f"Number(document.querySelector('#graph-canvas').dataset.history) === {history}"
        )
        save_screenshot(page, f"keyboard-journey-{width}x{height}")

        # the tabs: one tab stop, arrow keys move between them and show their view
        tab_to(page, "[role=tab][aria-selected=true]")
        page.keyboard.press("ArrowRight")
        wait_until(page, "document.activeElement.id === 'tab-timeline'")
        assert page.locator("#view-timeline").is_visible()
        page.keyboard.press("End")
        wait_until(page, "document.activeElement.id === 'tab-rounds'")
        assert "view=rounds" in page.url
        page.keyboard.press("Home")
        wait_until(page, "document.activeElement.id === 'tab-graph'")
        assert console.errors == []


def test_page_every_control_is_reached_by_tab(browser: Any, base_url: str) -> None:
    wanted = {
        "search-input", "tab-graph", "range-from", "range-to", "range-clear", "story-prev",
        "story-next", "graph-expand", "graph-expand-type", "graph-expand-dir", "graph-hide",
        "graph-pin", "graph-fold", "graph-layout", "graph-fit", "graph-zoom-in",
        "graph-zoom-out", "graph-clear", "graph-canvas",
    }  # fmt: skip
    with open_page(browser, width=1280, height=800) as (page, console):
        page.goto(f"{base_url}/#view=graph")
        page.wait_for_selector("body[data-ready=true]")
        wait_until(page, "document.querySelector('#graph-canvas').dataset.layoutWhere")
        page.locator("body").focus()
        reached = set()
        for _ in range(80):
            page.keyboard.press("Tab")
            reached.add(page.evaluate("document.activeElement.id"))
        assert wanted <= reached, sorted(wanted - reached)
        # typed dates, as YYYY-MM-DD whatever the browser's locale; a bad one is flagged
        page.focus("#range-from")
        page.keyboard.type("2024-13-01")
        page.keyboard.press("Enter")
        assert page.get_attribute("#range-from", "aria-invalid") == "true"
        assert "from=" not in page.url
        page.fill("#range-from", "")
        page.keyboard.type("2024-10-01")
        wait_until(page, "location.hash.includes('from=2024-10-01')")
        assert page.get_attribute("#range-from", "type") == "text"
        assert console.errors == []


def test_page_axe_finds_no_serious_violation(browser: Any, base_url: str) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `npm ci`")
    round_id = busiest_round(base_url)
    urls = {
        "graph": f"{base_url}/#view=graph&sel=event:{round_id}",
        "timeline": f"{base_url}/#view=timeline",
        "rounds": f"{base_url}/#view=rounds&round={round_id}",
    }
    found: dict[str, list[str]] = {}
    for width, height in SIZES:
        # axe is injected as a script, which the page's Content-Security-Policy would refuse
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        try:
            page = context.new_page()
            for view, url in urls.items():
                page.goto(url)
                page.wait_for_selector("body[data-ready=true]")
                page.wait_for_timeout(600)
                page.add_script_tag(path=str(AXE))
                result = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
                bad = [
                    f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}"
                    for v in result["violations"]
                    if v["impact"] in ("serious", "critical")
                ]
                found[f"{view} {width}x{height}"] = bad
        finally:
            context.close()
    assert all(not v for v in found.values()), "\n".join(f"{k}: {v}" for k, v in found.items())
    assert len(found) == len(urls) * len(SIZES)
