"""What is not a statement ('in what Israel described as ...') and when a reply was made."""

from __future__ import annotations

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _statements(text: str, published: str) -> dict[str, str | None]:
    facts = extract_article(make_article("t-say", text, published=published))
    return {
        p.entity_id: e.date
        for e in facts.events
        if e.kind is EventKind.STATEMENT
        for p in e.participants
    }


def test_extract_no_statement_from_a_naming_in_a_free_relative() -> None:
    text = (
        "On Sunday Israeli jets struck southern Lebanon in what Israel called pre-emptive strikes."
    )
    assert "israel" not in _statements(text, "2024-08-26")


def test_extract_a_reply_is_of_the_day_of_the_statement_it_answers() -> None:
    text = (
        "On Tuesday evening Israel brought its negotiators home from Qatar. "
        "A day later Hamas said Israel had set new conditions. "
        "Netanyahu's office replied that Hamas was lying again."
    )
    found = _statements(text, "2024-12-27")
    assert found.get("hamas") == "2024-12-25", found
    assert found.get("benjamin-netanyahu") == "2024-12-25", found


def test_extract_a_speaker_named_by_title_alone_is_the_one_person_holding_it() -> None:
    text = (
        "Donald Trump won the election in November. "
        "On Dec. 2 the president-elect warned Hamas that there would be hell to pay."
    )
    assert _statements(text, "2024-12-27").get("donald-trump") == "2024-12-02"
