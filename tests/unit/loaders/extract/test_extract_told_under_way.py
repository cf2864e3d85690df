"""What a dated announcement reports as under way happens that day; 'the party' is the party
named with that noun."""

from __future__ import annotations

from graph.models import DatePrecision, EventKind, Role
from loaders.extract import extract_article
from tests.support.factories import make_article

PUBLISHED = "2025-01-20"


def _others(text: str) -> list[tuple[str | None, DatePrecision | None, list[str]]]:
    facts = extract_article(make_article("t-under-way", text, published=PUBLISHED))
    return [
        (e.date, e.date_precision, [p.entity_id for p in e.participants if p.role is Role.ACTOR])
        for e in facts.events
        if e.kind is EventKind.OTHER
    ]


def test_a_party_quitting_as_announced_on_a_day_quits_that_day() -> None:
    text = (
        "Minister Itamar Ben-Gvir, who leads the far-right Jewish Power party, announced on "
        "Sunday that the party was quitting the government in protest."
    )
    assert _others(text) == [("2025-01-19", DatePrecision.DAY, ["otzma-yehudit"])]


def test_an_earlier_deed_reported_on_a_day_is_not_dated_by_the_report() -> None:
    # 'had quit' lies before the saying; only what is told as under way shares its day
    text = (
        "Minister Itamar Ben-Gvir, who leads the far-right Jewish Power party, said on Sunday "
        "that the party had quit the government."
    )
    assert all(day != "2025-01-19" for day, _, _ in _others(text))
