"""Date resolution rules against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.models import DatePrecision, EventKind
from loaders.extract import extract_article
from loaders.extract.dates import (
    find_anaphoric_dates,
    find_dates,
    resolve_month,
    resolve_weekday,
    shift_month,
)
from tests.support.factories import make_article

WED = dt.date(2024, 8, 14)


@pytest.mark.parametrize(
    ("weekday", "future", "expected"),
    [
        (0, False, dt.date(2024, 8, 12)),
        (2, False, dt.date(2024, 8, 14)),
        (3, False, dt.date(2024, 8, 8)),
        (3, True, dt.date(2024, 8, 15)),
        (2, True, dt.date(2024, 8, 14)),
        (0, True, dt.date(2024, 8, 19)),
    ],
)
def test_resolve_weekday_follows_tense(weekday: int, future: bool, expected: dt.date) -> None:
    assert resolve_weekday(WED, weekday, future) == expected


def test_resolve_month_looks_back_for_past_and_ahead_for_future() -> None:
    assert resolve_month(WED, 5, future=False) == dt.date(2024, 5, 1)
    assert resolve_month(WED, 11, future=False) == dt.date(2023, 11, 1)
    assert resolve_month(WED, 5, future=True) == dt.date(2025, 5, 1)
    assert resolve_month(WED, 8, future=True) == dt.date(2024, 8, 1)


def test_shift_month_crosses_year_boundaries() -> None:
    assert shift_month(dt.date(2024, 1, 20), -1) == dt.date(2023, 12, 1)
    assert shift_month(dt.date(2024, 12, 3), 1) == dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("text", "future", "date", "precision"),
    [
        ("talks began on Monday", False, "2024-08-12", DatePrecision.DAY),
        ("talks will be held on Thursday", True, "2024-08-15", DatePrecision.DAY),
        ("Thursday\u2019s meeting", True, "2024-08-15", DatePrecision.DAY),
        ("the attack of October 7, 2023", False, "2023-10-07", DatePrecision.DAY),
        ("a plan unveiled on May 31, 2024", False, "2024-05-31", DatePrecision.DAY),
        ("on 7 October 2023", False, "2023-10-07", DatePrecision.DAY),
        ("Oct. 9, 2024", False, "2024-10-09", DatePrecision.DAY),
        ("killed last month", False, "2024-07-01", DatePrecision.MONTH),
        ("earlier this month", False, "2024-08-01", DatePrecision.MONTH),
        ("talks stalled in May", False, "2024-05-01", DatePrecision.MONTH),
        ("a round in May 2023", False, "2023-05-01", DatePrecision.MONTH),
        ("since October 2023", False, "2023-10-01", DatePrecision.MONTH),
        ("the election on November 5", True, "2024-11-05", DatePrecision.DAY),
        ("the meeting on July 2", False, "2024-07-02", DatePrecision.DAY),
        ("yesterday", False, "2024-08-13", DatePrecision.DAY),
        ("last year", False, "2023-01-01", DatePrecision.YEAR),
        ("in 2022", False, "2022-01-01", DatePrecision.YEAR),
        ("in recent days", False, "2024-08-01", DatePrecision.MONTH),
        ("next Monday", False, "2024-08-19", DatePrecision.DAY),
        ("last Wednesday", False, "2024-08-07", DatePrecision.DAY),
        # a sentence may open on the relative word
        ("Last Wednesday the envoy", False, "2024-08-07", DatePrecision.DAY),
        ("Next Monday they meet", True, "2024-08-19", DatePrecision.DAY),
        ("Last month the army", False, "2024-07-01", DatePrecision.MONTH),
        # a weekday before the date it names is that date, not a day of publication week
        ("talks opened on Monday, 5 August 2024", False, "2024-08-05", DatePrecision.DAY),
        ("Tonight Hamas says", False, "2024-08-14", DatePrecision.DAY),
        ("This evening the prime minister", False, "2024-08-14", DatePrecision.DAY),
        ("Last night the army", False, "2024-08-13", DatePrecision.DAY),
    ],
)
def test_find_dates_resolves_phrase(
    text: str, future: bool, date: str, precision: DatePrecision
) -> None:
    found = find_dates(text, "2024-08-14", future=future)
    assert [(d.date, d.precision) for d in found] == [(date, precision)]
    assert text[found[0].start : found[0].end].strip() == found[0].text


def test_find_dates_without_publication_keeps_only_absolute_dates() -> None:
    found = find_dates("On Monday, after the May 31, 2024 plan", None)
    assert [d.date for d in found] == ["2024-05-31"]


def test_find_dates_ignores_modal_may_and_bare_numbers() -> None:
    assert find_dates("Hamas may agree to 40 hostages in 10 days", "2024-08-14") == []


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("He was killed two days ago.", "2024-08-12", DatePrecision.DAY),
        ("It happened 12 days ago.", "2024-08-02", DatePrecision.DAY),
        ("They met three months ago.", "2024-05-01", DatePrecision.MONTH),
        ("It was announced on the 15th.", "2024-07-15", DatePrecision.DAY),
        ("It was announced on the 5th by the minister.", "2024-08-05", DatePrecision.DAY),
        ("Strikes hit the city last night.", "2024-08-13", DatePrecision.DAY),
        ("The cabinet meets tonight.", "2024-08-14", DatePrecision.DAY),
        ("Talks collapsed last week.", "2024-08-01", DatePrecision.MONTH),
        ("The round opened in mid-March.", "2024-03-01", DatePrecision.MONTH),
    ],
)
def test_find_dates_counted_and_parts_of_days(
    text: str, date: str, precision: DatePrecision
) -> None:
    assert [(d.date, d.precision) for d in find_dates(text, WED.isoformat())] == [(date, precision)]


@pytest.mark.parametrize(
    "text", ["The meeting took place on a Sunday.", "They meet every Friday.", "each Monday"]
)
def test_find_dates_a_kind_of_day_is_no_date(text: str) -> None:
    assert find_dates(text, WED.isoformat()) == []


@pytest.mark.parametrize("text", ["on the 2nd floor", "on the 10th anniversary of the war"])
def test_find_dates_ordinal_of_a_thing_is_no_day(text: str) -> None:
    assert find_dates(text, WED.isoformat()) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Netanyahu's office said the same night that Israel would send a team.", "2024-08-08"),
        ("A day later Hamas said the talks were serious.", "2024-08-09"),
        ("Three days later, the sons were killed.", "2024-08-11"),
        ("The next day he recalled his team.", "2024-08-09"),
        ("Hours later Trump posted a warning.", "2024-08-08"),
        ("Two days earlier, the cabinet had met.", "2024-08-06"),
        ("In the evening, the authorities released 39 prisoners.", "2024-08-08"),
    ],
)
def test_find_anaphoric_dates_count_from_the_day_just_reported(text: str, date: str) -> None:

    assert [d.date for d in find_anaphoric_dates(text, "2024-08-08")] == [date]


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Two weeks later the envoys met again.", "2024-08-22", DatePrecision.DAY),
        ("A week before, the cabinet had met.", "2024-08-01", DatePrecision.DAY),
        ("Less than a week later Hamas named a new leader.", "2024-08-01", DatePrecision.MONTH),
        ("About two weeks later the talks resumed.", "2024-08-01", DatePrecision.MONTH),
        ("Three months earlier the truce had collapsed.", "2024-05-01", DatePrecision.MONTH),
    ],
)
def test_find_anaphoric_dates_count_weeks_and_months(
    text: str, date: str, precision: DatePrecision
) -> None:
    found = find_anaphoric_dates(text, "2024-08-08")
    assert [(d.date, d.precision) for d in found] == [(date, precision)]


def test_find_anaphoric_dates_a_count_before_a_named_event_is_not_told_from_the_last_day() -> None:
    assert find_anaphoric_dates("Burns flew in a week before the election.", "2024-08-08") == []
    assert find_anaphoric_dates("Two days after the vote, they met.", "2024-08-08") == []


def test_extract_a_count_from_a_day_three_sentences_back() -> None:
    text = (
        "On July 31, Ismail Haniyeh was assassinated in Tehran. Hamas and Iran blamed Israel. "
        "Iran has vowed to retaliate. Less than a week later Hamas named Yahya Sinwar, its leader "
        "in Gaza, to succeed him."
    )
    facts = extract_article(make_article("t-week-later", text, published="2024-08-17"))
    named = [e for e in facts.events if e.kind is EventKind.OTHER]
    assert [(e.date, e.date_precision) for e in named] == [("2024-08-01", DatePrecision.MONTH)]


def test_extract_statement_dated_by_the_same_night() -> None:
    text = (
        "On Aug. 8, Joe Biden, Egypt and Qatar called on both sides to resume talks. "
        "Netanyahu's office said the same night that Israel would send a delegation."
    )
    facts = extract_article(make_article("t-same", text, published="2024-08-14"))
    dates = {e.date for e in facts.events if e.kind is EventKind.STATEMENT}
    assert "2024-08-08" in dates


def test_extract_the_same_night_is_not_the_day_of_a_plan_just_told() -> None:
    facts = extract_article(
        make_article(
            "t-same-night-plan",
            "On Aug. 8 the three leaders issued a joint statement calling on both sides to resume "
            "talks on Saturday, Aug. 17, in Doha. Ayman Safadi said the same night that Jordan "
            "would send a delegation.",
            published="2024-08-14",
        )
    )
    said = [e for e in facts.events if e.kind is EventKind.STATEMENT]
    assert [e.date for e in said if any(p.entity_id == "ayman-safadi" for p in e.participants)] == [
        "2024-08-08"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # month first or day first: the reading that lies before publication (2024-04-15)
        ("was put forward in Cairo on 4/7, where", ["2024-04-07"]),
        ("the meeting on 13/04 ended", ["2024-04-13"]),
        ("signed on 07/04/2024 in Cairo", ["2024-04-07"]),
        ("signed 13.04.2024 in Cairo", ["2024-04-13"]),
        ("the statement of 2024-04-07 said", ["2024-04-07"]),
        # figures that are not dates
        ("the crossing is open 24/7 and 1/2 of the trucks wait", []),
        ("on 31/31 of the points", []),
    ],
)
def test_dates_in_figures_are_read_either_way_round(text: str, expected: list[str]) -> None:
    found = find_dates(text, "2024-04-15")
    assert [d.date for d in found] == expected
    assert all(d.precision is DatePrecision.DAY for d in found)
