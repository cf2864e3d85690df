"""The page in headless Chromium speaks in words for people: no predicate names, one fact per
article and phrase, each roll-call quote once with the people it supports."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.support.page import get_json, open_page, save_screenshot

pytestmark = pytest.mark.browser

# What the graph calls its facts and roles; none of it should reach an analyst's eyes.
INTERNAL = re.compile(
    r"\b(ATTENDED|PARTICIPATED_IN|participated in|MEMBER_OF|LEADS|ATTENDEE|attendee|"
    r"MEDIATED|HELD_IN|member of [a-z]+-)"
)


def open_ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def doha_august(base: str) -> str:
    """The id of the August 2024 round in Doha."""
    for round_ in get_json(base, "/rounds")["items"]:
        if (round_["date"] or "").startswith("2024-08") and (round_["place"] or {}).get(
            "name"
        ) == "Doha":
            return str(round_["id"])
    raise AssertionError("no August round in Doha")


def test_page_roll_call_says_why_and_quotes_each_sentence_once(browser: Any, base_url: str) -> None:
    round_id = doha_august(base_url)
    call = get_json(base_url, f"/rounds/{round_id}/attendees")
    sentences = {q["sentence"] for a in call["attendees"] for q in a["evidence"]}
    assert len(sentences) < sum(len(a["evidence"]) for a in call["attendees"]), (
        "the API repeats sentences across attendees: the page must show each once"
    )
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=rounds&round={round_id}")
        card = page.locator(f"#rollcall .card[data-id='{round_id}']")
        card.wait_for()
        table = card.locator("table.roll").inner_text()
        assert not INTERNAL.search(table), INTERNAL.search(table)
        barnea = card.locator("tr[data-id='david-barnea']")
        assert (
            barnea.locator("td").nth(3).inner_text()
            == "named as taking part, in Israeli delegation"
        )
        shown = card.locator(".rc-quote .quote").all_inner_texts()
        assert sorted(shown) == sorted(sentences)
        assert max(Counter(shown).values()) == 1
        # the sentence naming four Israeli delegates lists all four as those it supports
        shared = card.locator(".rc-quote").filter(has_text="Ronen Bar of Shin Bet")
        supports = shared.locator(".supports").inner_text()
        for name in ("David Barnea", "Ronen Bar", "Nitzan Alon", "Ophir Falk"):
            assert name in supports
        save_screenshot(page, "words-roll-call")
        assert console.errors == []


def test_page_article_lists_each_fact_once_in_words(browser: Any, base_url: str) -> None:
    article = get_json(base_url, "/articles/003_fee297e723815dd1")
    pairs = Counter((r["subject"]["id"], r["object"]["id"]) for r in article["relations"])
    assert pairs[("bill-burns", doha_august(base_url))] >= 2, "ATTENDED and PARTICIPATED_IN"
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=rounds&sel=article:{article['id']}")
        card = page.locator(f"#details .card[data-id='{article['id']}']")
        card.wait_for()
        facts = card.locator(".relation")
        keys = [facts.nth(i).get_attribute("data-fact") for i in range(facts.count())]
        assert keys and len(keys) == len(set(keys))
        burns = [k for k in keys if k and k.startswith("bill-burns|took part in|")]
        assert len(burns) == 1, keys
        text = card.inner_text()
        assert not INTERNAL.search(text), INTERNAL.search(text)
        assert "Bill Burns heads CIA" in " ".join(facts.all_inner_texts()).replace("\n", " ")
        save_screenshot(page, "words-article")
        assert console.errors == []


def test_page_profiles_name_heads_and_members(browser: Any, base_url: str) -> None:
    netanyahu = get_json(base_url, "/entities/benjamin-netanyahu")
    assert [m["predicate"] for m in netanyahu["memberships"]] == ["LEADS"]
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=rounds&sel=entity:benjamin-netanyahu")
        card = page.locator("#details .card[data-id='benjamin-netanyahu']")
        card.wait_for()
        heads = card.locator(".card-section").filter(has=page.locator("h3", has_text="Heads"))
        assert heads.locator("a.ref").inner_text() == "Israel"
        assert "Belongs to" not in card.inner_text()

        # an event of a profile says in words the edges (`links`) that tie the entity to it
        burns = get_json(base_url, "/entities/bill-burns")["events"]["items"]
        assert {(x["predicate"], x["role"]) for x in burns[0]["links"]} == {
            ("ATTENDED", None),
            ("PARTICIPATED_IN", "attendee"),
        }
        page.goto(f"{base_url}/#view=rounds&sel=entity:bill-burns")
        card = page.locator("#details .card[data-id='bill-burns']")
        card.wait_for()
        item = card.locator(".events-mini li").first
        assert item.locator(".muted").inner_text() == "took part in"  # one fact, said once
        assert item.locator("a").inner_text() == burns[0]["label"]

        page.goto(f"{base_url}/#view=rounds&sel=entity:mossad")
        card = page.locator("#details .card[data-id='mossad']")
        card.wait_for()
        members = card.locator(".card-section").filter(has=page.locator("h3", has_text="Members"))
        assert members.locator("li").inner_text() == "David Barnea"
        relations = card.locator(".relation .fact").all_inner_texts()
        assert any(r.startswith("has as member David Barnea") for r in relations), relations
        assert not INTERNAL.search(card.inner_text())
        assert console.errors == []


def test_page_timeline_sources_name_each_outlet_once_and_open_it(
    browser: Any, base_url: str
) -> None:
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=timeline")
        rows = page.locator("#timeline-list tbody tr")
        rows.first.wait_for()
        for i in range(rows.count()):
            names = [
                re.sub(r" \(\d+\)$", "", t)
                for t in rows.nth(i).locator("a.source-link").all_inner_texts()
            ]
            assert len(names) == len(set(names)), names
            who = rows.nth(i).locator("td.who").inner_text()
            assert "(attendee)" not in who
        link = page.locator("#timeline-list a.source-link").first
        article_id = link.get_attribute("data-article")
        link.click()
        page.locator(f"#details .card[data-id='{article_id}']").wait_for()
        assert f"sel=article:{article_id}" in page.url.replace("%3A", ":")
        assert console.errors == []


def test_page_event_card_quotes_each_sentence_once_with_who_it_supports(
    browser: Any, base_url: str
) -> None:
    round_id = doha_august(base_url)
    event = get_json(base_url, f"/events/{round_id}")
    sentences = [q["sentence"] for q in event["evidence"]]
    assert len(set(sentences)) < len(sentences), "the API lists a sentence once per fact"
    with open_page(browser) as (page, console):
        open_ready(page, f"{base_url}/#view=rounds&sel=event:{round_id}")
        card = page.locator(f"#details .card[data-id='{round_id}']")
        card.wait_for()
        shown = card.locator(".rc-quote .quote").all_inner_texts()
        assert sorted(shown) == sorted(set(sentences))
        shared = card.locator(".rc-quote").filter(has_text="Ronen Bar of Shin Bet")
        supports = shared.locator(".supports").inner_text()
        for name in ("David Barnea", "Ronen Bar", "Nitzan Alon", "Ophir Falk"):
            assert name in supports
        barnea = card.locator(".participants li[data-id='david-barnea']")
        barnea.locator("a.quote-ref").first.click()
        assert "current" in (shared.get_attribute("class") or "")
        assert console.errors == []
