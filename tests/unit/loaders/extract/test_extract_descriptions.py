"""Persons named by their office: a definite description stands for the one holder the article
names, for the country or body it gives, and for no one when two could hold it."""

from __future__ import annotations

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


def _speakers(text: str, published: str = "2024-05-09") -> dict[str, set[str]]:
    facts = extract_article(make_article("t-office", text, published=published))
    out: dict[str, set[str]] = {}
    for e in facts.events:
        if e.kind is EventKind.STATEMENT and e.date:
            out.setdefault(e.date, set()).update(p.entity_id for p in e.participants)
    return out


def test_the_office_of_a_country_names_its_holder_in_the_article() -> None:
    speakers = _speakers(
        "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, met Hamas leaders on "
        "Monday. On Tuesday the Qatari premier said the reply was positive."
    )
    assert speakers["2024-05-07"] == {"mohammed-bin-abdulrahman-al-thani"}


def test_an_office_two_persons_of_the_article_hold_names_neither() -> None:
    speakers = _speakers(
        "Joe Biden and Abdel Fattah el-Sisi spoke by phone on Monday. On Tuesday the Egyptian "
        "president said the crossing would stay open. On Wednesday the president said talks "
        "would resume."
    )
    assert speakers["2024-05-07"] == {"abdel-fattah-el-sisi"}
    assert "2024-05-08" not in speakers


def test_an_office_no_one_of_the_article_holds_names_no_one() -> None:
    speakers = _speakers(
        "Hamas leaders met in Doha on Monday. On Tuesday the Qatari premier said the reply was "
        "positive."
    )
    assert "mohammed-bin-abdulrahman-al-thani" not in set().union(*speakers.values())


def test_a_possessive_office_is_a_person_a_meeting_can_have() -> None:
    text = (
        "Sheikh Mohammed bin Abdulrahman Al Thani, Qatar's prime minister, spoke on Friday. "
        "Bill Burns flew to Doha on Sunday night for an emergency meeting with Qatar's prime "
        "minister."
    )
    facts = extract_article(make_article("t-office-meeting", text, published="2024-05-06"))
    met = {p.entity_id for e in facts.events if e.kind is EventKind.TALKS for p in e.participants}
    assert {"bill-burns", "mohammed-bin-abdulrahman-al-thani"} <= met, met
