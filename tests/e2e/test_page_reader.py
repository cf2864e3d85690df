"""Quotes read in context in headless Chromium: every quote the page shows (event details, roll
call, edge evidence, article cards) opens its article's cleaned text in a dialog with the quoted
sentence marked and scrolled into view; Escape closes it and the focus goes back."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.page import (
    get_json,
    open_page,
    save_screenshot,
    wait_until,
)

pytestmark = pytest.mark.browser

READY = "document.querySelector('#reader')?.dataset.state === 'ready'"
# The mark's text, and whether it lies inside both the window and the dialog's text box.
MARK = """() => {
  const mark = document.querySelector('#reader-text mark');
  if (!mark) return null;
  const r = mark.getBoundingClientRect();
  const box = document.querySelector('#reader-text').getBoundingClientRect();
  const inside = (a, b) => a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  return {
    text: mark.textContent,
    inWindow: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
    inBox: inside(r, box),
    height: r.height,
    scrolled: document.querySelector('#reader-text').scrollTop,
  };
}"""


def article_text(base: str, article_id: str) -> str:
    return str(get_json(base, f"/articles/{article_id}/text")["text"])


def deepest_event_quote(base: str) -> tuple[str, dict[str, Any]]:
    """The event and the quote of it that lies deepest into its article (so the reader must
    scroll to show it)."""
    best: tuple[str, dict[str, Any]] | None = None
    for event in get_json(base, "/timeline", limit=500)["items"]:
        for q in get_json(base, f"/events/{event['id']}")["evidence"]:
            if q["start"] is not None and (best is None or q["start"] > best[1]["start"]):
                best = (event["id"], q)
    assert best is not None, "no quote of an event with offsets"
    return best


def open_ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def check_reader(page: Any, base: str, article_id: str, sentence: str | None = None) -> str:
    """The reader shows article `article_id` with its mark in view; the mark's text, which is
    `sentence` when given."""
    wait_until(page, READY)
    assert page.get_attribute("#reader", "data-article") == article_id
    assert page.locator("#reader").is_visible()
    wait_until(page, f"({MARK})()?.inBox")
    mark = page.evaluate(MARK)
    assert mark is not None, "no sentence marked"
    assert mark["inWindow"] and mark["inBox"], mark
    assert mark["height"] > 0
    if sentence is not None:
        assert mark["text"] == sentence
    assert mark["text"] in article_text(base, article_id)
    return str(mark["text"])


def close_by_escape(page: Any, opener: str) -> None:
    """Escape shuts the reader and gives the focus back to `opener` (a CSS selector)."""
    page.keyboard.press("Escape")
    wait_until(page, "!document.querySelector('#reader').open")
    wait_until(page, f"document.activeElement?.matches({opener!r})")
    wait_until(page, "!location.hash.includes('read=')")


def test_page_event_quote_opens_article_with_sentence_marked_in_view(
    browser: Any, base_url: str
) -> None:
    event_id, quote = deepest_event_quote(base_url)
    article_id = quote["article"]["id"]
    text = article_text(base_url, article_id)
    assert text[quote["start"] : quote["end"]] == quote["sentence"], "offsets index the text"
    for width, height in [(1280, 800), (390, 844)]:
        with open_page(browser, width=width, height=height) as (page, console):
            open_ready(page, f"{base_url}/#view=graph&sel=event:{event_id}")
            card = page.locator(f"#details .card[data-id='{event_id}']")
            card.wait_for()
            button = card.locator(
                f".read-context[data-article='{article_id}'][data-start='{quote['start']}']"
            ).first
            button.scroll_into_view_if_needed()
            button.click()
            check_reader(page, base_url, article_id, quote["sentence"])
            assert page.evaluate(MARK)["scrolled"] > 0, "the text was scrolled to the sentence"
            assert f"read={article_id}" in page.url.replace("%40", "@")
            save_screenshot(page, f"reader-event-{width}x{height}")
            page.keyboard.press("Escape")
            wait_until(page, "!document.querySelector('#reader').open")
            wait_until(page, "document.activeElement?.classList.contains('read-context')")
            assert console.errors == []


def test_page_reader_by_keyboard_alone(browser: Any, base_url: str) -> None:
    event_id, _ = deepest_event_quote(base_url)
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=event:{event_id}")
        page.locator(f"#details .card[data-id='{event_id}'] .read-context").first.wait_for()
        page.locator("body").focus()
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('read-context')"):
                break
        else:
            raise AssertionError("no Read in context button reached by Tab")
        opener = str(page.evaluate("document.activeElement.dataset.article"))
        page.keyboard.press("Enter")
        check_reader(page, base_url, opener)
        # the focus stays inside the dialog while it is open
        for _ in range(4):
            page.keyboard.press("Tab")
            inside = "document.querySelector('#reader').contains(document.activeElement)"
            assert page.evaluate(inside)
        close_by_escape(page, ".read-context")
        assert page.evaluate("document.activeElement.dataset.article") == opener
        # Enter on it again opens the same article, and the close button closes it too
        page.keyboard.press("Enter")
        wait_until(page, READY)
        page.click("#reader-close")
        wait_until(page, "!document.querySelector('#reader').open")
        assert page.evaluate("document.activeElement.classList.contains('read-context')")
        assert console.errors == []


def test_page_roll_call_quote_opens_in_context(browser: Any, base_url: str) -> None:
    rounds = get_json(base_url, "/rounds", limit=200)["items"]
    round_id = max(rounds, key=lambda r: r["attendee_count"])["id"]
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{base_url}/#view=rounds&round={round_id}")
        quote = page.locator("#rollcall .rc-quote").first
        quote.wait_for()
        sentence = quote.locator("blockquote").inner_text()
        button = quote.locator(".read-context")
        article_id = button.get_attribute("data-article")
        button.click()
        assert check_reader(page, base_url, str(article_id)) == sentence
        save_screenshot(page, "reader-rollcall-1280x800")
        close_by_escape(page, f"#rollcall .rc-quote .read-context[data-article='{article_id}']")
        assert console.errors == []


def test_page_edge_evidence_opens_in_context(browser: Any, base_url: str) -> None:
    event_id, _ = deepest_event_quote(base_url)
    event = get_json(base_url, f"/events/{event_id}")
    who = next(q["fact"].split(" ")[0] for q in event["evidence"] if q["fact"] != "event")
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=edge:{who}|{event_id}")
        card = page.locator(f"#details .card[data-id='{who}|{event_id}']")
        card.wait_for()
        figure = card.locator("figure.evidence").first
        figure.wait_for()
        sentence = figure.locator("blockquote").inner_text()
        button = figure.locator(".read-context")
        article_id = str(button.get_attribute("data-article"))
        button.click()
        assert check_reader(page, base_url, article_id) == sentence
        close_by_escape(page, ".card figure.evidence .read-context")
        assert console.errors == []


def test_page_article_card_quote_opens_in_context(browser: Any, base_url: str) -> None:
    articles = get_json(base_url, "/articles", limit=50)["items"]
    article_id, deepest = "", -1
    for a in articles:
        for r in get_json(base_url, f"/articles/{a['id']}")["relations"]:
            for q in r["evidence"]:
                if (q["start"] or -1) > deepest:
                    article_id, deepest = a["id"], q["start"]
    assert article_id, "an article states a relation"
    with open_page(browser, width=800, height=900) as (page, console):
        open_ready(page, f"{base_url}/#view=graph&sel=article:{article_id}")
        card = page.locator(f"#details .card[data-id='{article_id}']")
        card.wait_for()
        button = card.locator(f".read-context[data-start='{deepest}']").first
        sentence = button.locator("xpath=ancestor::figure[1]//blockquote").inner_text()
        button.scroll_into_view_if_needed()
        button.click()
        assert check_reader(page, base_url, article_id) == sentence
        save_screenshot(page, "reader-article-800x900")
        close_by_escape(page, f".read-context[data-start='{deepest}']")
        assert console.errors == []


def test_page_shared_reader_url_opens_the_article(browser: Any, base_url: str) -> None:
    _, quote = deepest_event_quote(base_url)
    article_id = quote["article"]["id"]
    read = f"{article_id}@{quote['start']}-{quote['end']}"
    with open_page(browser, width=1280, height=800) as (page, console):
        open_ready(page, f"{base_url}/#view=timeline&read={read}")
        check_reader(page, base_url, article_id, quote["sentence"])
        page.keyboard.press("Escape")
        wait_until(page, "!document.querySelector('#reader').open")
        wait_until(page, "!location.hash.includes('read=')")
        assert console.errors == []
