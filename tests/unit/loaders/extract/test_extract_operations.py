"""Military operations named by what troops take or whom they free; meetings by being together."""

from __future__ import annotations

import pytest

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli troops seized the Philadelphi corridor on Tuesday.", True),
        ("Israeli forces captured the Rafah crossing on Tuesday.", True),
        ("Israeli forces rescued four hostages in Nuseirat on Saturday.", True),
        ("Hamas seized the initiative on Tuesday.", False),
    ],
)
def test_extract_an_operation_from_seizing_a_place_or_a_rescue(text: str, expected: bool) -> None:
    facts = extract_article(make_article("t-op", text, published="2024-06-10"))
    kinds = {e.kind for e in facts.events}
    assert (EventKind.MILITARY_OPERATION in kinds) is expected, kinds


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("On Monday Antony Blinken was in Cairo with Abdel Fattah el-Sisi.", True),
        ("On Monday Antony Blinken was in Cairo with his staff.", False),
        ("On Monday Antony Blinken was with Abdel Fattah el-Sisi on the phone.", False),
    ],
)
def test_extract_being_at_a_place_with_someone_is_a_meeting(text: str, met: bool) -> None:
    facts = extract_article(make_article("t-with", text, published="2024-06-11"))
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    people = {p.entity_id for e in talks for p in e.participants}
    assert ({"antony-blinken", "abdel-fattah-el-sisi"} <= people) is met, people
