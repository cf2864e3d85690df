"""Attendance named in sentences after the one that reports the round."""

from __future__ import annotations

import pytest

from graph.models import ClaimStatus, EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article

ROUND = "Negotiators held talks in Cairo on Sunday with Egyptian and Qatari mediators. "


@pytest.mark.parametrize(
    ("sentence", "attendees"),
    [
        ("CIA Director William Burns joined the talks.", {"bill-burns"}),
        ("Abbas Kamel represented Egypt.", {"abbas-kamel", "egypt"}),
        (
            "Israel's delegation was made up of David Barnea and Ronen Bar.",
            {"david-barnea", "ronen-bar"},
        ),
        ("Steve Witkoff, accompanied by Jared Kushner, arrived later.", {"jared-kushner"}),
        ("CIA chief William Burns flew in for the session.", {"bill-burns"}),
        ("William Burns travelled to Cairo for the talks.", {"bill-burns"}),
    ],
)
def test_extract_attendance_of_the_round_under_way(sentence: str, attendees: set[str]) -> None:
    facts = extract_article(make_article("t-att", ROUND + sentence, published="2024-08-27"))
    talks = {e.id for e in facts.events if e.kind is EventKind.TALKS}
    attended = {
        r.subject_id
        for r in facts.relations
        if r.predicate is Predicate.ATTENDED and r.object_id in talks
    }
    assert attendees <= attended, attended


def test_extract_no_attendance_when_a_person_did_not_join() -> None:
    text = ROUND + "William Burns did not join the talks."
    facts = extract_article(make_article("t-att-neg", text, published="2024-08-27"))
    assert "bill-burns" not in {
        r.subject_id for r in facts.relations if r.predicate is Predicate.ATTENDED
    }


def test_extract_a_party_that_stayed_away_is_denied_attendance_not_the_round() -> None:
    text = (
        "Hamas and Egypt held talks in Cairo on Sunday. "
        "Israel stayed away from the talks, which opened on Sunday."
    )
    facts = extract_article(make_article("t-away", text, published="2024-03-05"))
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert talks and all(e.status is ClaimStatus.STATED for e in talks)
    israel = [
        r for r in facts.relations if r.predicate is Predicate.ATTENDED and r.subject_id == "israel"
    ]
    assert israel and all(r.status is ClaimStatus.DENIED for r in israel)


@pytest.mark.parametrize(
    ("sentence", "attendees"),
    [
        ("The talks were attended by Hassan Rashad.", {"hassan-mahmoud-rashad"}),
        (
            "A meeting of the mediators took place with the participation of William Burns.",
            {"bill-burns"},
        ),
    ],
)
def test_extract_attendance_from_passives_and_participation(
    sentence: str, attendees: set[str]
) -> None:
    facts = extract_article(make_article("t-att2", ROUND + sentence, published="2024-08-27"))
    attended = {r.subject_id for r in facts.relations if r.predicate is Predicate.ATTENDED}
    assert attendees <= attended, attended


def test_counted_reference_to_the_people_just_listed_attends_the_next_round() -> None:
    facts = extract_article(
        make_article(
            "t-counted",
            "Negotiators met in Amman on July 10, where Ayman Safadi, Sameh Shoukry and Faisal "
            "Mekdad held a three-way meeting. The three convened again in Beirut on July 28 but "
            "left without a breakthrough.",
            published="2024-08-14",
        )
    )
    beirut = [e for e in facts.events if e.kind is EventKind.TALKS and e.place_id == "beirut"]
    assert len(beirut) == 1
    attended = {
        r.subject_id
        for r in facts.relations
        if r.predicate is Predicate.ATTENDED and r.object_id == beirut[0].id
    }
    assert {"ayman-safadi", "sameh-shoukry", "faisal-mekdad"} <= attended
    names = {e.id: e for e in facts.entities}
    assert "The three" not in names["ayman-safadi"].aliases


def test_counted_reference_finds_its_list_in_a_sentence_that_names_others_too() -> None:
    facts = extract_article(
        make_article(
            "t-counted-list",
            "In Amman on July 10, Ayman Safadi, Sameh Shoukry and Faisal Mekdad held a round; "
            "the next day Benjamin Netanyahu declined to send a team. The three convened again "
            "in Beirut on July 28.",
            published="2024-08-14",
        )
    )
    (beirut,) = [e for e in facts.events if e.kind is EventKind.TALKS and e.place_id == "beirut"]
    attended = {
        r.subject_id
        for r in facts.relations
        if r.predicate is Predicate.ATTENDED and r.object_id == beirut.id
    }
    assert {"ayman-safadi", "sameh-shoukry", "faisal-mekdad"} <= attended
    assert "benjamin-netanyahu" not in attended


def test_party_that_did_not_attend_denies_its_part_not_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-absent",
            "Lebanon did not attend the talks between Jordan and Syria in Amman on Monday.",
            published="2024-08-14",
        )
    )
    (round_,) = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert round_.status is ClaimStatus.STATED
    statuses = {
        r.subject_id: r.status for r in facts.relations if r.predicate is Predicate.ATTENDED
    }
    assert statuses["lebanon"] is ClaimStatus.DENIED


def test_what_is_said_of_an_event_or_a_clause_on_a_noun_presupposes_it() -> None:
    facts = extract_article(
        make_article(
            "t-presupposed",
            "Jordanian forces killed Faisal Mekdad in Amman on Monday. Ayman Safadi said on "
            "Tuesday that the killing of Mekdad was not the end of the war. A Syrian official "
            "denied on Tuesday that Syria had ever signed off on the text Jordan accepted on "
            "Monday. Syria said on Tuesday it would not accept new conditions.",
            published="2024-08-14",
        )
    )
    statuses = {e.kind: e.status for e in facts.events if e.kind is EventKind.KILLING}
    assert statuses == {EventKind.KILLING: ClaimStatus.STATED}
    said = [e for e in facts.events if e.kind is EventKind.STATEMENT]
    assert said and all(e.status is ClaimStatus.STATED for e in said)


def test_members_belong_to_the_delegation_of_their_own_clause() -> None:
    facts = extract_article(
        make_article(
            "t-own-clause",
            "Negotiators met in Amman on Thursday for a new round of talks. Safadi's envoy "
            "Ayman Safadi flew in for the session, and Jordan's team also included Nasser "
            "Judeh; the Syrian side was headed by its intelligence chief.",
            published="2024-08-17",
        )
    )
    members = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.MEMBER_OF
    }
    assert ("nasser-judeh", "jordanian-delegation-2024-08") in members
    assert not any(d == "syrian-delegation-2024-08" for _, d in members)


def test_person_leading_a_side_s_team_leads_the_team_not_the_side() -> None:
    facts = extract_article(
        make_article(
            "t-led-team",
            "Negotiators met in Amman on Sunday. The US team was led by Bill Burns.",
            published="2024-08-26",
        )
    )
    leads = {(r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.LEADS}
    assert leads == {("bill-burns", "us-delegation-2024-08")}


def test_officials_who_hand_both_sides_a_text_mediate_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-hand-both",
            "After a second day of meetings in Amman on Thursday, the Egyptian and Qatari "
            "officials passed both sides a revised text.",
            published="2024-08-20",
        )
    )
    (talks,) = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert (talks.date, talks.place_id) == ("2024-08-14", "amman")
    mediated = {r.subject_id for r in facts.relations if r.predicate is Predicate.MEDIATED}
    assert mediated == {"egypt", "qatar"}
