"""Demands put in other words: ultimatums, needs stressed, pressure, and who 'the president' is."""

from __future__ import annotations

import pytest

from graph.models import Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article


def _demands(text: str) -> set[tuple[str, str]]:
    facts = extract_article(make_article("t-appeal", text, published="2025-02-11"))
    return {
        (r.subject_id, r.object_text or "")
        for r in facts.relations
        if r.predicate is Predicate.DEMANDED
    }


@pytest.mark.parametrize(
    ("text", "who", "words"),
    [
        (
            "Netanyahu warned on Tuesday that if the captives are not freed by Friday, "
            "the army would resume fighting.",
            "benjamin-netanyahu",
            {"captives", "freed", "Friday"},
        ),
        (
            "Unless Israel withdraws from the corridor, the truce will collapse, "
            "Hamas said on Monday.",
            "hamas",
            {"Israel", "withdraws", "corridor"},
        ),
        (
            "Qatar's emir Tamim bin Hamad Al Thani underlined on Sunday the need for a "
            "lasting ceasefire.",
            "tamim-bin-hamad-al-thani",
            {"lasting", "ceasefire"},
        ),
        (
            "Egypt halted its mediation on Monday to pressure Israel into a compromise.",
            "egypt",
            {"Israel", "compromise"},
        ),
    ],
)
def test_extract_a_demand_in_other_words(text: str, who: str, words: set[str]) -> None:
    found = _demands(text)
    assert any(s == who and words <= set(t.split()) for s, t in found), found


def test_extract_two_needs_stressed_by_a_titled_speaker() -> None:
    text = (
        "Abdel Fattah el-Sisi received the envoys in Cairo on Monday. The President stressed "
        "the need to open the crossings at once, without delay, and to rebuild the hospitals."
    )
    found = {t for s, t in _demands(text) if s == "abdel-fattah-el-sisi"}
    assert any("crossings" in t for t in found) and any("hospitals" in t for t in found), found


def test_extract_no_demand_from_a_condition_that_explains() -> None:
    text = "Qatar said on Monday that if the talks did not resume, it was because Israel refused."
    assert not {s for s, _ in _demands(text)} & {"qatar", "israel"}


def test_extract_no_title_reference_to_a_person_without_that_title() -> None:
    text = "Antony Blinken arrived in Cairo on Monday. The president demanded a truce on Monday."
    assert "antony-blinken" not in {s for s, _ in _demands(text)}
