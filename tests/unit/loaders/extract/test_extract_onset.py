"""When a truce begins: the start of a truce is an event apart from the agreement that set it."""

from __future__ import annotations

from graph.models import ArticleFacts, DatePrecision, EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _extract(text: str) -> ArticleFacts:
    return extract_article(make_article("t-onset", text, published="2024-08-14"))


def _onsets(facts: ArticleFacts) -> list[tuple[str | None, DatePrecision | None, set[str]]]:
    return [
        (e.date, e.date_precision, {p.entity_id for p in e.participants})
        for e in facts.events
        if e.kind is EventKind.OTHER and e.label.endswith("takes effect")
    ]


def test_truce_taking_hold_is_dated_and_between_the_sides_named() -> None:
    facts = _extract(
        "The truce between Jordan and Syria took hold at 7 a.m. on Monday, hours late."
    )
    assert _onsets(facts) == [("2024-08-12", DatePrecision.DAY, {"jordan", "syria"})]


def test_pause_entering_into_force_takes_the_article_sides_when_the_sentence_names_none() -> None:
    facts = _extract(
        "Jordan and Syria agreed on a pause on Saturday. Jordan said Syria must open the "
        "crossing. The pause entered into force on Monday morning."
    )
    assert _onsets(facts) == [("2024-08-12", DatePrecision.DAY, {"jordan", "syria"})]


def test_talks_beginning_are_no_truce() -> None:
    facts = _extract("Talks between Jordan and Syria began on Monday in Amman.")
    assert _onsets(facts) == []


def test_truce_due_to_take_effect_is_planned() -> None:
    facts = _extract("The truce between Jordan and Syria will take effect on Sunday.")
    planned = [e for e in facts.events if e.label.endswith("takes effect")]
    assert [(e.date, str(e.status)) for e in planned] == [("2024-08-18", "planned")]
