"""A date after a participle of state ('held', 'detained') dates the verb the state hangs from."""

from __future__ import annotations

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _release_dates(text: str) -> set[str | None]:
    facts = extract_article(make_article("t-state", text, published="2025-10-14"))
    return {
        e.date
        for e in facts.events
        if e.kind in (EventKind.HOSTAGE_RELEASE, EventKind.PRISONER_RELEASE)
    }


def test_extract_a_release_of_people_held_somewhere_is_dated_by_its_verb() -> None:
    assert _release_dates("Hamas freed the last 20 hostages held in Gaza on Monday.") == {
        "2025-10-13"
    }


def test_extract_a_date_of_a_participle_with_an_agent_stays_its_own() -> None:
    text = "Israel freed 90 prisoners detained by the army on Sunday, officials said yesterday."
    assert "2025-10-12" not in _release_dates(text)
