"""The graph view in headless Chromium stays readable: one edge per pair of nodes counting its
facts, hide / pin / undo from the keyboard, "show N more" instead of a silent cut, labels by
importance, a date range that hides what only dated events outside it hold, the layout in a
web worker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import islice
from typing import Any

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
ROUND = "talks-doha-2024-08"


def open_ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def dataset(page: Any, name: str) -> str:
    return str(page.evaluate(f"document.querySelector('#graph-canvas').dataset.{name} || ''"))


def wait_laid_out(page: Any) -> None:
    wait_until(page, "document.querySelector('#graph-canvas').dataset.layoutWhere")


def selected(page: Any) -> str:
    return str(page.evaluate("decodeURIComponent(location.hash).split('sel=')[1] || ''"))


def test_page_graph_draws_one_edge_per_pair_counting_its_facts(browser: Any, base_url: str) -> None:
    hood = get_json(base_url, "/graph/neighbourhood", id=ROUND, limit=100)
    pairs = Counter((e["source"], e["target"]) for e in hood["edges"])
    assert pairs[("bill-burns", ROUND)] == 2, "ATTENDED and PARTICIPATED_IN as attendee"
    assert pairs[("united-states", ROUND)] >= 3, "attended and mediated, each stored twice"
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=event:{ROUND}")
        wait_laid_out(page)
        drawn = page.evaluate(f"{CY}.edges().map(e => [e.id(), e.data('count'), e.data('label')])")
        ids = [d[0] for d in drawn]
        assert len(ids) == len(set(ids)) == len(pairs)
        by_id = {d[0]: d for d in drawn}
        assert by_id[f"bill-burns|{ROUND}"][1:] == [1, "took part in"]
        count, label = by_id[f"united-states|{ROUND}"][1:]
        assert count == 2 and sorted(label.split(" · ")) == ["mediated", "took part in"]
        widths = page.evaluate(
            f"[{CY}.getElementById('united-states|{ROUND}').data('width'),"
            f" {CY}.getElementById('bill-burns|{ROUND}').data('width')]"
        )
        assert widths[0] > widths[1], "an edge holding more facts is drawn wider"
        # a node is drawn from what it is (`node`) and its kind or type, as the API names them
        node = f"{CY}.getElementById"
        drawn_nodes = page.evaluate(
            f"[{node}('{ROUND}'), {node}('bill-burns')]"
            ".map(n => [n.data('kind'), n.data('eventKind'), n.data('type'), n.data('color')])"
        )
        colours = page.evaluate(
            "import('/static/palette.js')"
            ".then(p => [p.EVENT_KINDS.talks, p.NODE_TYPES.Person.color])"
        )
        assert drawn_nodes == [
            ["Event", "talks", "Event", colours[0]],
            ["Entity", None, "Person", colours[1]],
        ]
        assert console.errors == []


def test_page_graph_by_keyboard_moves_pins_hides_expands_and_undoes(
    browser: Any, base_url: str
) -> None:
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=event:{ROUND}")
        wait_laid_out(page)
        page.focus("#graph-canvas")
        page.keyboard.press("ArrowLeft")
        wait_until(page, f"!decodeURIComponent(location.hash).includes('sel=event:{ROUND}')")
        first = selected(page).split(":", 1)[1]
        neighbours = page.evaluate(
            f"{CY}.getElementById('{ROUND}').neighborhood('node').map(n => n.id())"
        )
        assert first in neighbours, "an arrow key moves to a neighbour of the selection"
        assert page.locator("#graph-focus").inner_text().split(",")[0]
        shown = int(dataset(page, "shown"))

        page.keyboard.press("p")
        assert page.evaluate(f"{CY}.getElementById('{first}').locked()")
        page.keyboard.press("h")
        wait_until(page, f"Number(document.querySelector('#graph-canvas').dataset.shown) < {shown}")
        assert page.evaluate(f"{CY}.getElementById('{first}').hasClass('hidden')")
        assert not page.locator("#graph-undo").is_disabled()
        page.keyboard.press("u")
        wait_until(
            page, f"Number(document.querySelector('#graph-canvas').dataset.shown) === {shown}"
        )
        assert page.evaluate(f"{CY}.getElementById('{first}').locked()"), "undo hides no pin"
        page.keyboard.press("u")
        assert not page.evaluate(f"{CY}.getElementById('{first}').locked()")

        nodes = int(dataset(page, "nodes"))
        page.keyboard.press("ArrowRight")  # nothing selected: the centre of the graph
        wait_until(page, f"decodeURIComponent(location.hash).includes('sel=event:{ROUND}')")
        page.keyboard.press("ArrowRight")
        wait_until(page, f"!decodeURIComponent(location.hash).includes('sel=event:{ROUND}')")
        other = selected(page).split(":", 1)[1]
        page.keyboard.press("Enter")
        wait_until(page, f"{CY}.getElementById('{other}').data('centre') === true")
        assert int(dataset(page, "nodes")) >= nodes
        save_screenshot(page, "graph-keyboard")
        assert console.errors == []


def test_page_graph_expands_by_relation_and_direction(browser: Any, base_url: str) -> None:
    delegation = "israeli-delegation-2024-08"
    hood = get_json(base_url, "/graph/neighbourhood", id=delegation, types="MEMBER_OF")
    members = {e["source"] for e in hood["edges"] if e["target"] == delegation}
    assert len(members) >= 3
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=entity:{delegation}")
        wait_laid_out(page)
        page.click("#graph-clear")
        wait_until(page, "document.querySelector('#graph-canvas').dataset.nodes === '0'")
        page.locator("#graph-expand-type").select_option("MEMBER_OF")
        page.locator("#graph-expand-dir").select_option("in")
        page.click("#graph-expand")
        wait_until(page, "Number(document.querySelector('#graph-canvas').dataset.nodes) > 1")
        ids = set(page.evaluate(f"{CY}.nodes().map(n => n.id())"))
        assert ids == members | {delegation}
        assert console.errors == []


def test_page_graph_date_range_hides_what_only_outside_events_hold(
    browser: Any, base_url: str
) -> None:
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=event:{ROUND}")
        wait_laid_out(page)
        before = int(dataset(page, "shown"))
        page.fill("#range-from", "2024-10-01")
        page.fill("#range-to", "2024-10-31")
        wait_until(page, "location.hash.includes('to=2024-10-31')")
        after = int(dataset(page, "shown"))
        assert after < before // 2, (before, after)
        # Ronen Bar is linked to the August round only: he goes with it
        assert page.evaluate(f"{CY}.getElementById('ronen-bar').hasClass('filtered')")
        assert console.errors == []


def test_page_edge_card_quotes_the_claims_behind_it(browser: Any, base_url: str) -> None:
    edge = f"bill-burns|{ROUND}"
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=edge:{edge}")
        card = page.locator(f"#details .card[data-id='{edge}']")
        card.wait_for()
        assert card.locator("h2").inner_text() == "took part in"
        quotes = card.locator(".evidence .quote").all_inner_texts()
        assert len(quotes) == 1 and "Bill Burns" in quotes[0]
        assert console.errors == []


@pytest.fixture(scope="module")
def crowd_url(
    base_url: str, graph_settings: ApiSettings, session_store: GraphStore
) -> Iterator[str]:
    """The API and page over 600 generated events, whose busiest actors are hubs."""
    session_store.delete_all()
    facts = list(islice(iter_event_facts(600), 600))
    for start in range(0, len(facts), 64):
        session_store.write_articles(facts[start : start + 64])
    session_store.derive_sequences()
    with serve_api(graph_settings) as base:
        yield base


def hub(base: str) -> tuple[str, int]:
    """The entity with the most neighbours among the busiest few, and how many it has."""
    best = ("", 0)
    events = get_json(base, "/timeline", limit=200)["items"]
    actors = Counter(p["id"] for e in events for p in e["participants"])
    for actor, _ in actors.most_common(5):
        hood = get_json(base, "/graph/neighbourhood", id=actor, limit=500)
        if len(hood["nodes"]) > best[1]:
            best = (actor, len(hood["nodes"]))
    return best


def test_page_graph_offers_n_more_and_labels_by_importance(browser: Any, crowd_url: str) -> None:
    actor, size = hub(crowd_url)
    assert size > 60, "the hub has more neighbours than one expansion adds"
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{crowd_url}/#view=graph&sel=entity:{actor}")
        wait_laid_out(page)
        assert dataset(page, "layoutWhere") == "worker"
        nodes = int(dataset(page, "nodes"))
        more = page.locator(f"#graph-more button[data-id='{actor}']")
        waiting = int(more.get_attribute("data-count") or 0)
        assert nodes + waiting == size, "what is not drawn is counted, not dropped"
        assert f"Show {waiting}" in more.inner_text()
        more.click()
        wait_until(page, f"Number(document.querySelector('#graph-canvas').dataset.nodes) > {nodes}")
        assert int(dataset(page, "nodes")) == min(size, nodes + 40)
        page.click("#graph-fit")
        page.wait_for_timeout(300)
        shown = int(dataset(page, "shown"))
        labelled = int(dataset(page, "labelled"))
        assert 0 < labelled < shown, (labelled, shown)
        assert page.evaluate(f"!{CY}.getElementById('{actor}').hasClass('nolabel')")
        save_screenshot(page, "graph-hub-labels")
        assert console.errors == []


def test_page_hub_profile_comes_in_pages(browser: Any, crowd_url: str) -> None:
    actor, _ = hub(crowd_url)
    profile = get_json(crowd_url, f"/entities/{actor}")
    total, first = profile["events"]["total"], len(profile["events"]["items"])
    assert total > first, "the hub has more events than the profile's first page"
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{crowd_url}/#view=rounds&sel=entity:{actor}")
        card = page.locator(f"#details .card[data-id='{actor}']")
        card.wait_for()
        events = card.locator(".card-section").filter(has=page.locator("h3", has_text="Events"))
        assert f"({first} of {total})" in (events.locator("h3").text_content() or "")
        assert events.locator("li").count() == first
        events.locator("button.more").click()
        wait_until(
            page,
            f"document.querySelectorAll('#details .events-mini li').length > {first}",
        )
        shown = min(total, first + 50)
        assert events.locator("li").count() == shown
        ids = events.locator("li a").evaluate_all("els => els.map(a => a.textContent)")
        assert len(ids) == shown
        assert console.errors == []
