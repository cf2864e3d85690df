"""A live blog's entries are each of the day they are filed under."""

from __future__ import annotations

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article

BLOG = """Live: talks resume in Cairo

Live updates | Tuesday 5 March 2024 | All times local

18:20
Mediators upbeat
Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said the gaps had narrowed.

11:05
Delegation arrives
An Egyptian official confirmed the arrival of the Hamas team.

MONDAY 4 MARCH

22:10
Families protest
Antony Blinken said the ball was in Hamas's court.

09:45
Opening
Hamas said its delegation would travel to Cairo.
"""


def test_extract_undated_statements_of_a_live_blog_take_their_entry_day() -> None:
    facts = extract_article(make_article("t-live", BLOG, published="2024-03-05"))
    days = {
        p.entity_id: e.date
        for e in facts.events
        if e.kind is EventKind.STATEMENT
        for p in e.participants
    }
    assert days.get("mohammed-bin-abdulrahman-al-thani") == "2024-03-05", days
    assert days.get("antony-blinken") == "2024-03-04", days


def test_extract_undated_past_statement_of_an_ordinary_story_stays_undated() -> None:
    text = (
        "Talks resumed in Cairo on Tuesday.\n\nAntony Blinken said the ball was in Hamas's court."
    )
    facts = extract_article(make_article("t-story", text, published="2024-03-05"))
    assert not [
        e
        for e in facts.events
        if e.kind is EventKind.STATEMENT
        and any(p.entity_id == "antony-blinken" for p in e.participants)
        and e.date == "2024-03-05"
    ]


EXPLAINER = """What we know: a swap completed

What happened today?
Israel released 90 Palestinian prisoners from Ofer prison.

How did we get here?
Israel released 40 Palestinian prisoners from Ofer prison.
"""


def test_extract_lines_under_a_heading_of_today_tell_of_the_publication_day() -> None:
    facts = extract_article(make_article("t-today", EXPLAINER, published="2025-01-20"))
    releases = [e for e in facts.events if e.kind is EventKind.PRISONER_RELEASE]
    assert [e.date for e in releases] == ["2025-01-20"], releases
