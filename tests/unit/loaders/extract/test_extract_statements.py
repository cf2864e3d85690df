"""Statements: which verbs of speech report something said, and on which day."""

from __future__ import annotations

import pytest

from graph.models import ArticleFacts, Event, EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _facts(text: str, published: str = "2025-03-12") -> ArticleFacts:
    return extract_article(make_article("t-said", text, published=published))


def _statements(facts: ArticleFacts) -> list[Event]:
    return [e for e in facts.events if e.kind is EventKind.STATEMENT]


def _speakers(facts: ArticleFacts) -> set[str]:
    return {p.entity_id for e in _statements(facts) for p in e.participants}


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman Majed al-Ansari says a Qatari team will travel to Cairo on Friday.",
        "The Israeli military says the toll from Sunday's attack has risen to four soldiers.",
    ],
)
def test_a_date_inside_what_was_said_is_not_the_day_it_was_said(text: str) -> None:
    (said,) = _statements(_facts(text))
    assert said.date == "2025-03-12"


def test_the_verbs_own_complement_still_dates_it() -> None:
    facts = _facts("Joe Biden picked him to run the agency in 2021, officials said.")
    assert any(e.date == "2021-01-01" for e in facts.events)


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden spoke with Benjamin Netanyahu on Monday.",
        "Antony Blinken speaks Arabic, Russian and French.",
        "Washington decided on Thursday to call back its negotiators.",
    ],
)
def test_verbs_of_speech_that_say_nothing_here_are_no_statements(text: str) -> None:
    assert not _statements(_facts(text))


def test_speaking_to_reporters_is_a_statement() -> None:
    assert _speakers(_facts("Joe Biden spoke to reporters on Monday about the deal.")) == {
        "joe-biden"
    }


def test_what_a_party_is_pressed_to_say_is_not_said() -> None:
    facts = _facts("Israel has blocked aid since March 2 to press Hamas to accept an extension.")
    assert "hamas" not in _speakers(facts)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Israel killed Sinwar on Thursday, prompting the US to ask for new talks.",
            "united-states",
        ),
        (
            "Kamala Harris used a speech in Selma on Sunday to call for a ceasefire.",
            "kamala-harris",
        ),
    ],
)
def test_what_was_said_through_another_verb_is_still_said(text: str, speaker: str) -> None:
    assert speaker in _speakers(_facts(text))
