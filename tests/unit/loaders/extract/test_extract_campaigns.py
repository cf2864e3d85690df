"""Sustained campaigns, aid given, plan contents, earlier rounds and sentence-opening months."""

from __future__ import annotations

import pytest

from graph.models import DatePrecision, EventKind, Predicate, Role
from loaders.extract import extract_article
from loaders.extract.dates import find_dates
from tests.support.factories import make_article


def test_find_dates_sentence_opening_month_resolves() -> None:
    found = find_dates("In July, negotiators met again. Since March 2023 it went on.", "2024-08-14")
    assert [(d.text, d.date, d.precision) for d in found] == [
        ("In July", "2024-07-01", DatePrecision.MONTH),
        ("March 2023", "2023-03-01", DatePrecision.MONTH),
    ]


def test_find_dates_lower_case_may_is_not_a_month() -> None:
    assert find_dates("talks in may resume", "2024-08-14") == []


def test_extract_strikes_since_a_month_are_a_campaign_with_month_precision() -> None:
    facts = extract_article(
        make_article(
            "t-campaign",
            "Since March 2023, Israeli airstrikes and other attacks on Rafah have killed hundreds.",
        )
    )
    ops = [e for e in facts.events if e.kind is EventKind.MILITARY_OPERATION]
    assert [(e.date, e.date_precision, e.place_id) for e in ops] == [
        ("2023-03-01", DatePrecision.MONTH, "rafah")
    ]
    assert not [e for e in facts.events if e.kind is EventKind.ATTACK]


@pytest.mark.parametrize(
    "sentence",
    [
        "Syria resumed heavy strikes across Idlib on Tuesday, ending the truce.",
        "On Tuesday Syria resumed its bombardment of Idlib and blamed the rebels.",
    ],
)
def test_extract_renewed_strikes_or_a_bombardment_are_a_campaign(sentence: str) -> None:
    facts = extract_article(make_article("t-resumed", sentence, published="2031-03-20"))
    ops = [e for e in facts.events if e.kind is EventKind.MILITARY_OPERATION]
    assert [(e.date, [p.entity_id for p in e.participants]) for e in ops] == [
        ("2031-03-18", ["syria"])
    ]
    assert not [e for e in facts.events if e.kind is EventKind.ATTACK]


def test_extract_a_war_that_began_on_a_day_is_dated_by_it() -> None:
    text = "Syria's war on the rebels in Idlib began on 7 October 2031."
    facts = extract_article(make_article("t-war-began", text, published="2031-12-01"))
    ops = [e for e in facts.events if e.kind is EventKind.MILITARY_OPERATION]
    assert [(e.date, e.date_precision) for e in ops] == [("2031-10-07", DatePrecision.DAY)]


def test_extract_intensified_operations_are_not_dated_by_the_verb() -> None:
    facts = extract_article(
        make_article("t-intensify", "Israeli forces have intensified their operations in Jenin.")
    )
    assert not [e for e in facts.events if e.kind is EventKind.MILITARY_OPERATION]


def test_extract_aid_provided_by_to_is_an_arms_transfer() -> None:
    facts = extract_article(
        make_article(
            "t-aid",
            "Critics point to the billions of dollars in military aid provided by Germany "
            "to Jordan during the war.",
        )
    )
    transfers = [e for e in facts.events if e.kind is EventKind.ARMS_TRANSFER]
    assert len(transfers) == 1
    roles = {(p.entity_id, p.role) for p in transfers[0].participants}
    assert roles == {("germany", Role.ACTOR), ("jordan", Role.TARGET)}
    assert transfers[0].date is None


def test_extract_plan_contents_name_both_sides_of_an_undated_proposal() -> None:
    facts = extract_article(
        make_article(
            "t-plan",
            "The proposed truce plan includes the release of 20 hostages by Hezbollah in "
            "exchange for Israel freeing 200 prisoners.",
        )
    )
    proposals = [e for e in facts.events if e.kind is EventKind.PROPOSAL]
    assert len(proposals) == 1
    assert proposals[0].date is None
    targets = {p.entity_id for p in proposals[0].participants if p.role is Role.TARGET}
    assert targets == {"hezbollah", "israel"}


def test_extract_conditional_release_is_not_an_event() -> None:
    facts = extract_article(
        make_article(
            "t-until",
            "Syria says it will keep fighting until all hostages are released by Hezbollah.",
        )
    )
    assert not [e for e in facts.events if e.kind is EventKind.HOSTAGE_RELEASE]


def test_extract_earlier_round_named_by_follows_precedes_the_current_round() -> None:
    facts = extract_article(
        make_article(
            "t-rounds",
            "Negotiators from Israel and Hamas met in Cairo on Monday. "
            "The meeting follows an earlier round in Doha on August 2 that ended without "
            "agreement.",
            published="2024-08-14",
        )
    )
    talks = {e.id: e for e in facts.events if e.kind is EventKind.TALKS}
    assert set(talks) == {"talks-cairo-2024-08", "talks-doha-2024-08"}
    assert talks["talks-cairo-2024-08"].date == "2024-08-12"
    assert talks["talks-doha-2024-08"].date == "2024-08-02"
    preceded = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.PRECEDED
    }
    assert preceded == {("talks-doha-2024-08", "talks-cairo-2024-08")}
