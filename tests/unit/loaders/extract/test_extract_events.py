"""Event kinds, vague dates, venues, mediators and event links on synthetic wire copy."""

from __future__ import annotations

import pytest

from graph.models import ClaimStatus, DatePrecision, EntityType, EventKind, Predicate, Role
from loaders.extract import extract_article
from loaders.extract.dates import find_dates
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("talks will resume in the coming days", "2024-08-01"),
        ("the recent death of the commander", "2024-08-01"),
        ("the army recently reinvaded the camp", "2024-08-01"),
        ("earlier this week", "2024-08-01"),
    ],
)
def test_find_dates_vague_phrase_gives_month_of_publication(text: str, date: str) -> None:
    found = find_dates(text, "2024-08-14")
    assert [(d.date, d.precision) for d in found] == [(date, DatePrecision.MONTH)]


def test_extract_officials_from_listed_countries_attend_resumed_talks() -> None:
    facts = extract_article(
        make_article(
            "t-resume",
            "On Monday, officials from Jordan, Turkey, and Oman resumed talks on a Gaza "
            "truce in Amman, but no progress is expected.",
            published="2024-09-10",
        )
    )
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert [(e.date, e.place_id) for e in talks] == [("2024-09-09", "amman")]
    attended = {r.subject_id for r in facts.relations if r.predicate is Predicate.ATTENDED}
    assert {"jordan", "turkey", "oman"} <= attended


def test_extract_passive_broker_names_mediators_not_parties() -> None:
    facts = extract_article(
        make_article(
            "t-broker",
            "Hezbollah and Israel have resumed negotiations in Cairo, brokered by Omani and "
            "Turkish mediators.",
        )
    )
    talks = next(e for e in facts.events if e.kind is EventKind.TALKS)
    roles = {(p.entity_id, p.role) for p in talks.participants}
    assert {("oman", Role.MEDIATOR), ("turkey", Role.MEDIATOR)} <= roles
    assert ("hezbollah", Role.ATTENDEE) in roles and ("israel", Role.ATTENDEE) in roles
    assert ("israel", Role.MEDIATOR) not in roles


@pytest.mark.parametrize(
    "sentence",
    [
        "Syria and Jordan resumed talks in Amman on Monday, with Oman and Kuwait acting as "
        "mediators.",
        "Talks between Syria and Jordan took place in Amman on Monday under the auspices of Oman "
        "and Kuwait.",
        "Oman and Kuwait brought Syria and Jordan together for talks in Amman on Monday.",
    ],
)
def test_extract_mediators_named_by_role_auspices_or_convening(sentence: str) -> None:
    facts = extract_article(make_article("t-auspices", sentence, published="2024-08-14"))
    talks = next(e for e in facts.events if e.kind is EventKind.TALKS)
    roles = {(p.entity_id, p.role) for p in talks.participants}
    assert {("oman", Role.MEDIATOR), ("kuwait", Role.MEDIATOR)} <= roles, roles
    assert ("syria", Role.ATTENDEE) in roles and ("syria", Role.MEDIATOR) not in roles


def test_extract_future_talks_without_date_get_month_precision() -> None:
    facts = extract_article(
        make_article("t-soon", "Jordan and Egypt have announced that talks will resume in Amman.")
    )
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert [(e.date, e.date_precision, e.place_id) for e in talks] == [
        ("2024-08-01", DatePrecision.MONTH, "amman")
    ]


def test_extract_headline_yields_no_recognised_entities() -> None:
    facts = extract_article(
        make_article(
            "t-head",
            "Border Clashes Rage As Envoys Gather\n\nJordan said the talks in Amman were serious.",
        )
    )
    names = {e.name for e in facts.entities}
    assert not any("Clashes" in n or "Envoys" in n for n in names)


def test_extract_proposal_event_and_proposed_edge() -> None:
    facts = extract_article(
        make_article(
            "t-prop",
            "Turkish President Recep Tayyip Erdogan had introduced a truce proposal "
            "on May 31, 2024.",
        )
    )
    props = [e for e in facts.events if e.kind is EventKind.PROPOSAL]
    assert [(e.date, e.date_precision) for e in props] == [("2024-05-31", DatePrecision.DAY)]
    assert ("recep-tayyip-erdogan", props[0].id) in {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.PROPOSED
    }


def test_extract_prompting_clause_makes_caused_statement() -> None:
    facts = extract_article(
        make_article(
            "t-cause",
            "Israeli forces have killed Hamas commander Rami Saadeh, prompting Jordan to ask "
            "for new truce talks.",
        )
    )
    kinds = {e.id: e.kind for e in facts.events}
    statement = next(e for e in facts.events if e.kind is EventKind.STATEMENT)
    assert ("jordan", Role.ACTOR) in {(p.entity_id, p.role) for p in statement.participants}
    assert statement.date_precision is DatePrecision.MONTH
    caused = [
        (kinds[r.subject_id], kinds[r.object_id or ""])
        for r in facts.relations
        if r.predicate is Predicate.CAUSED
    ]
    assert caused == [(EventKind.KILLING, EventKind.STATEMENT)]


def test_extract_followed_orders_two_operations() -> None:
    facts = extract_article(
        make_article(
            "t-follow",
            "Israeli forces have recently reinvaded Jenin and Ramallah. "
            "The reinvasion of Jenin followed a reinvasion of Ramallah, officials said.",
        )
    )
    places = {e.id: e.place_id for e in facts.events if e.kind is EventKind.MILITARY_OPERATION}
    assert set(places.values()) == {"jenin", "ramallah"}
    preceded = [
        (places[r.subject_id], places[r.object_id or ""])
        for r in facts.relations
        if r.predicate is Predicate.PRECEDED
    ]
    assert preceded == [("ramallah", "jenin")]


def test_extract_attack_names_perpetrator_target_and_date() -> None:
    facts = extract_article(
        make_article(
            "t-attack",
            "The violence escalated after Hezbollah's attack on Israel on March 3, 2024.",
        )
    )
    attacks = [e for e in facts.events if e.kind is EventKind.ATTACK]
    assert [e.date for e in attacks] == ["2024-03-03"]
    roles = {(p.entity_id, p.role) for p in attacks[0].participants}
    assert roles == {("hezbollah", Role.PERPETRATOR), ("israel", Role.TARGET)}
    assert all(e.type is not EntityType.PERSON for e in facts.entities if e.id == "hezbollah")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Netanyahu's office said on Tuesday that Israel would send a delegation.",
            "benjamin-netanyahu",
        ),
        ("In a joint statement on Friday, Egypt and Qatar called for calm.", "egypt"),
        ("A joint statement of Egypt and Qatar on Friday urged both sides to return.", "egypt"),
    ],
)
def test_extract_statement_speaker_from_office_and_statement_nouns(text: str, speaker: str) -> None:
    facts = extract_article(make_article("t-stmt", text, published="2024-08-17"))
    statements = [e for e in facts.events if e.kind is EventKind.STATEMENT]
    assert statements, facts.events
    assert speaker in {p.entity_id for e in statements for p in e.participants}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Jewish Power party quit the government on Sunday.", EventKind.OTHER),
        ("Israel's cabinet approved the agreement on Friday.", EventKind.OTHER),
        ("The United States airdropped food into Gaza on Saturday.", EventKind.AID),
        ("Israel blocked the entry of aid into Gaza on Sunday.", EventKind.AID),
    ],
)
def test_extract_government_decisions_and_aid(text: str, kind: EventKind) -> None:
    facts = extract_article(make_article("t-other", text, published="2025-03-04"))
    assert kind in {e.kind for e in facts.events}, facts.events


@pytest.mark.parametrize(
    ("text", "leader"),
    [
        ("Bill Burns ran the Carnegie Endowment for International Peace.", "bill-burns"),
        ("Itamar Ben-Gvir, who leads the Jewish Power party, quit.", "itamar-ben-gvir"),
    ],
)
def test_extract_leaders_from_verbs_of_leading(text: str, leader: str) -> None:
    facts = extract_article(make_article("t-leads", text, published="2025-01-20"))
    assert leader in {r.subject_id for r in facts.relations if r.predicate is Predicate.LEADS}


def test_extract_a_killing_named_as_the_subject_of_a_causal_verb_caused_what_follows() -> None:
    text = (
        "Israeli forces killed Yahya Sinwar in Rafah on Wednesday. "
        "Sinwar's killing prompted the United States to urge new talks on Thursday."
    )
    facts = extract_article(make_article("t-caused", text, published="2024-10-18"))
    caused = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.CAUSED
    }
    assert any(s == "killing-yahya-sinwar" for s, _ in caused), caused


def test_extract_the_next_day_anywhere_orders_after_the_event_before() -> None:
    text = (
        "Israeli forces killed Yahya Sinwar in Rafah on Wednesday. "
        "Only the next day did Israel announce that it was Sinwar."
    )
    facts = extract_article(make_article("t-next", text, published="2024-10-18"))
    preceded = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.PRECEDED
    }
    assert any(s == "killing-yahya-sinwar" for s, _ in preceded), preceded


def test_mediating_state_at_a_round_of_other_parties_mediates_and_attends_it() -> None:
    facts = extract_article(
        make_article(
            "t-mediating-states",
            "Israeli and Hamas negotiators held talks with Qatar and Egypt in Rome on Monday.",
            published="2024-08-14",
        )
    )
    rels = {(r.subject_id, r.predicate) for r in facts.relations}
    assert ("qatar", Predicate.MEDIATED) in rels and ("egypt", Predicate.MEDIATED) in rels
    assert ("qatar", Predicate.ATTENDED) in rels
    assert ("israel", Predicate.MEDIATED) not in rels


def test_delegations_of_the_sides_named_after_the_noun_attend_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-delegations-of",
            "Negotiators met in Amman on Monday. The delegations of Jordan and Syria "
            "then worked through the text with the mediators.",
            published="2024-08-14",
        )
    )
    delegations = {e.id for e in facts.entities if e.type is EntityType.DELEGATION}
    assert {"jordanian-delegation-2024-08", "syrian-delegation-2024-08"} <= delegations


def test_delegation_named_with_the_side_adjective_as_an_alias() -> None:
    facts = extract_article(
        make_article(
            "t-delegation-alias",
            "Jordan's negotiators held talks with Syria in Amman on Monday.",
            published="2024-08-14",
        )
    )
    jordanian = next(e for e in facts.entities if e.type is EntityType.DELEGATION)
    # as written, with the adjective, and by the common name of a side's team
    assert {"Jordanian negotiators", "Jordanian delegation"} <= {jordanian.name, *jordanian.aliases}


def test_venue_of_the_verb_a_talks_purpose_hangs_from() -> None:
    facts = extract_article(
        make_article(
            "t-venue-for",
            "Egypt hosted Jordanian and Syrian negotiators in Amman on Monday for talks.",
            published="2024-08-14",
        )
    )
    assert [e.place_id for e in facts.events if e.kind is EventKind.TALKS] == ["amman"]


def test_venue_the_recogniser_does_not_know_is_a_place_of_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-unnamed-venue",
            "The Azure Front pulled its negotiators from the talks in Meridan on Saturday.",
            published="2032-12-06",
        )
    )
    assert [e.place_id for e in facts.events if e.kind is EventKind.TALKS] == ["meridan"]
    assert {e.id: e.type for e in facts.entities}["meridan"] is EntityType.PLACE


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Amman meeting of Jan. 28 produced a framework.", "amman"),
        ("The Beirut talks ended on Sunday without a deal.", "beirut"),
        # a region named before the talks is their subject, not their venue
        ("The Gaza talks ended on Sunday without a deal.", None),
    ],
)
def test_a_city_naming_the_round_is_its_venue(text: str, place: str | None) -> None:
    facts = extract_article(make_article("t-city-named", text, published="2032-02-08"))
    assert [e.place_id for e in facts.events if e.kind is EventKind.TALKS] == [place]


def test_month_after_in_is_no_venue() -> None:
    facts = extract_article(
        make_article("t-month-venue", "Talks in July stalled.", published="2032-12-06")
    )
    assert all(e.id != "july" for e in facts.entities)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Burns flew to Doha a week before the US presidential election on Nov. 5.",
            "2024-12-26",
            ("2024-11-05", DatePrecision.DAY, "united-states"),
        ),
        (
            "Netanyahu, facing an election due next year, may find a deal worth more to him.",
            "2025-10-05",
            ("2026-01-01", DatePrecision.YEAR, "benjamin-netanyahu"),
        ),
    ],
)
def test_extract_an_election_with_its_country_or_candidate(
    sentence: str, published: str, expected: tuple[str, DatePrecision, str]
) -> None:
    facts = extract_article(make_article("t-election", sentence, published=published))
    elections = [e for e in facts.events if e.kind is EventKind.ELECTION]
    assert [(e.date, e.date_precision, e.participants[0].entity_id) for e in elections] == [
        expected
    ]


def test_a_named_host_of_talks_between_others_hosts_them_without_attending() -> None:
    text = "Oman will host talks between Syria and Jordan in Muscat on Thursday."
    facts = extract_article(make_article("t-host", text, published="2024-08-12"))
    talks = next(e for e in facts.events if e.kind is EventKind.TALKS)
    roles = {(p.entity_id, p.role) for p in talks.participants}
    assert ("oman", Role.HOST) in roles and ("oman", Role.ATTENDEE) not in roles, roles
    attended = {r.subject_id for r in facts.relations if r.predicate is Predicate.ATTENDED}
    assert "oman" not in attended


def test_a_reply_a_participle_hands_over_is_a_proposal_of_its_owner() -> None:
    text = (
        "Syria took its time. Its answer, handed to the Jordanian mediators on Tuesday, turned "
        "the framework on its head."
    )
    facts = extract_article(make_article("t-answer-handed", text, published="2024-08-14"))
    proposals = [e for e in facts.events if e.kind is EventKind.PROPOSAL]
    assert [
        (e.date, [p.entity_id for p in e.participants if p.role is Role.PROPOSER])
        for e in proposals
    ] == [("2024-08-13", ["syria"])]


def test_reply_handed_over_is_a_proposal_of_the_side_that_sends_it() -> None:
    facts = extract_article(
        make_article(
            "t-reply",
            "Syria delivered its reply to the Jordanian mediators on Saturday night.",
            published="2024-08-14",
        )
    )
    proposals = [e for e in facts.events if e.kind is EventKind.PROPOSAL]
    assert [(e.date, {(p.entity_id, p.role) for p in e.participants}) for e in proposals] == [
        ("2024-08-10", {("syria", Role.PROPOSER)})  # the mediators receive it, not mediate it
    ]


def test_response_to_a_killing_is_no_proposal() -> None:
    facts = extract_article(
        make_article(
            "t-response",
            "Syria said the rockets were the first phase of its response to the killing.",
            published="2024-08-14",
        )
    )
    assert [e for e in facts.events if e.kind is EventKind.PROPOSAL] == []


def test_party_before_the_hyphen_of_a_led_attack_is_its_perpetrator() -> None:
    facts = extract_article(
        make_article(
            "t-led",
            "The war began after the Syrian-led attack on Jordan on Oct. 7, in which 12 died.",
            published="2024-03-07",
        )
    )
    attacks = [e for e in facts.events if e.kind is EventKind.ATTACK]
    assert [(e.date, {(p.entity_id, p.role) for p in e.participants}) for e in attacks] == [
        ("2023-10-07", {("syria", Role.PERPETRATOR), ("jordan", Role.TARGET)})
    ]


def test_picking_someone_to_run_a_body_is_an_appointment() -> None:
    facts = extract_article(
        make_article(
            "t-picked",
            "Ayman Safadi served for years before King Abdullah picked him to run the "
            "foreign ministry in 2021.",
            published="2024-08-14",
        )
    )
    others = [e for e in facts.events if e.kind is EventKind.OTHER]
    assert [(e.date, e.date_precision) for e in others] == [("2021-01-01", DatePrecision.YEAR)]


def test_attempt_to_reach_an_agreement_is_no_agreement() -> None:
    for text in (
        "Since October Jordan has worked with Egypt to reach an agreement on the border.",
        "Jordan notified Syria during the last attempts to reach an agreement on Monday.",
    ):
        facts = extract_article(make_article("t-attempt", text, published="2024-08-14"))
        assert [e for e in facts.events if e.kind is EventKind.AGREEMENT] == [], text


def test_speech_used_to_call_for_a_truce_is_still_a_call() -> None:
    facts = extract_article(
        make_article(
            "t-used",
            "Ayman Safadi used a speech in Amman on Sunday to call for an immediate truce.",
            published="2024-08-14",
        )
    )
    assert [e.date for e in facts.events if e.kind is EventKind.STATEMENT] == ["2024-08-11"]


def test_trip_for_talks_places_and_dates_the_round_it_is_for() -> None:
    planned = extract_article(
        make_article(
            "t-trip",
            "The Syrian delegation will travel to Amman on Thursday for talks with Jordan.",
            published="2024-08-13",
        )
    )
    held = extract_article(
        make_article(
            "t-held",
            "The Syrian delegation held talks with Jordan in Amman on Thursday.",
            published="2024-08-16",
        )
    )
    rounds = [
        (e.id, e.place_id, e.date, e.status)
        for facts in (planned, held)
        for e in facts.events
        if e.kind is EventKind.TALKS
    ]
    assert rounds == [
        ("talks-amman-2024-08", "amman", "2024-08-15", ClaimStatus.PLANNED),
        ("talks-amman-2024-08", "amman", "2024-08-15", ClaimStatus.STATED),
    ]


def test_deal_announced_by_a_minister_is_dated_by_the_announcement_not_made_his_countrys() -> None:
    facts = extract_article(
        make_article(
            "t-announced-by",
            "The deal, announced by Jordan's foreign minister on Tuesday, is to take effect on "
            "Sunday.",
            published="2024-08-17",
        )
    )
    agreements = [e for e in facts.events if e.kind is EventKind.AGREEMENT]
    # who announces a deal is often its mediator or a bystander, not a party to it
    assert [(e.date, {p.entity_id for p in e.participants}) for e in agreements] == [
        ("2024-08-13", set())
    ]
