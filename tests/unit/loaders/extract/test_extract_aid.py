"""Aid told by what moves: trucks and convoys that enter or cross."""

from __future__ import annotations

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _aid(text: str) -> list[tuple[str | None, str | None]]:
    facts = extract_article(make_article("t-aid", text, published="2025-01-20"))
    return [(e.date, e.place_id) for e in facts.events if e.kind is EventKind.AID]


def test_trucks_of_aid_crossing_into_a_place_are_aid() -> None:
    assert _aid("More than 600 trucks of aid crossed into Gaza on Sunday.") == [
        ("2025-01-19", "gaza")
    ]


def test_a_convoy_entering_through_a_crossing_is_aid_there() -> None:
    assert _aid("An aid convoy entered on Friday through Rafah.") == [("2025-01-17", "rafah")]


def test_what_moves_must_be_aid() -> None:
    # troops and delegations entering are other events, not aid
    assert _aid("Israeli troops entered Rafah on Friday.") == []
    assert _aid("The delegation arrived in Doha on Friday.") == []
