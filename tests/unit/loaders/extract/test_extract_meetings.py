"""Meetings of named persons, requests for talks, month-bucket round ids, hosts."""

from __future__ import annotations

from graph.models import ArticleFacts, DatePrecision, EventKind, Predicate, Role
from loaders.extract import extract_article
from tests.support.factories import make_article


def _talks(facts: ArticleFacts) -> dict[str, tuple[str | None, set[tuple[str, Role]]]]:
    return {
        e.id: (e.date, {(p.entity_id, p.role) for p in e.participants})
        for e in facts.events
        if e.kind is EventKind.TALKS
    }


def _rels(facts: ArticleFacts, predicate: Predicate) -> set[tuple[str, str | None]]:
    return {(r.subject_id, r.object_id) for r in facts.relations if r.predicate is predicate}


def test_extract_comments_after_discussions_with_a_premier_is_a_meeting() -> None:
    facts = extract_article(
        make_article(
            "t-meet-1",
            "Antony Blinken said on Thursday that negotiators would meet again soon.\n"
            "Blinken's comments came after discussions with Qatar's Prime Minister, "
            "Sheikh Mohammed bin Abdulrahman Al Thani.",
            published="2024-10-25",
        )
    )
    meetings = [e for e in facts.events if e.kind is EventKind.TALKS and "antony-blinken" in e.id]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting.date, meeting.date_precision) == ("2024-10-24", DatePrecision.DAY)
    people = {p.entity_id for p in meeting.participants if p.role is Role.ATTENDEE}
    assert {"antony-blinken", "mohammed-bin-abdulrahman-al-thani", "qatar"} <= people
    attended = {s for s, o in _rels(facts, Predicate.ATTENDED) if o == meeting.id}
    assert attended == {"antony-blinken", "mohammed-bin-abdulrahman-al-thani"}
    assert all("discussions with" in ev.sentence for ev in meeting.evidence)


def test_extract_person_met_person_in_a_city_on_a_day() -> None:
    facts = extract_article(
        make_article(
            "t-meet-2",
            "Foreign Minister Edda Marrow met Oskar Lindqvist in Cairo on Tuesday.",
            published="2024-03-14",
        )
    )
    [meeting] = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert meeting.date == "2024-03-12"
    assert meeting.place_id == "cairo"
    assert {p.entity_id for p in meeting.participants} >= {"edda-marrow", "oskar-lindqvist"}


def test_extract_held_talks_with_undated_is_the_news_day() -> None:
    facts = extract_article(
        make_article(
            "t-meet-3",
            "Envoy John Carter held talks with Peter Novak about the prisoner exchange.",
            published="2024-05-02",
        )
    )
    [meeting] = [e for e in facts.events if e.kind is EventKind.TALKS]
    assert (meeting.date, meeting.date_precision) == ("2024-05-02", DatePrecision.DAY)
    assert ("john-carter", meeting.id) in _rels(facts, Predicate.ATTENDED)
    assert ("peter-novak", meeting.id) in _rels(facts, Predicate.ATTENDED)


def test_extract_request_for_talks_precedes_the_later_round() -> None:
    facts = extract_article(
        make_article(
            "t-request",
            "On Monday, officials from Egypt and Israel resumed talks in Cairo.\n"
            "Earlier this month, Israeli forces killed Hamas commander Rami Saadeh, "
            "prompting Egypt to ask for new truce talks.",
            published="2024-10-28",
        )
    )
    statements = [e for e in facts.events if e.kind is EventKind.STATEMENT]
    assert len(statements) == 1
    talks = [e for e in facts.events if e.kind is EventKind.TALKS]
    preceded = _rels(facts, Predicate.PRECEDED)
    assert (statements[0].id, talks[0].id) in preceded
    caused = _rels(facts, Predicate.CAUSED)
    assert ("killing-rami-saadeh", statements[0].id) in caused
    link = next(r for r in facts.relations if r.predicate is Predicate.PRECEDED)
    assert "ask for new truce talks" in link.evidence.sentence
    assert link.evidence.confidence < 0.6


def test_extract_request_after_the_talks_precedes_nothing() -> None:
    facts = extract_article(
        make_article(
            "t-request-late",
            "In July, officials from Egypt and Israel held talks in Cairo.\n"
            "On Monday, Egypt urged Israel to re-engage in ceasefire talks.",
            published="2024-10-28",
        )
    )
    assert not _rels(facts, Predicate.PRECEDED)


def test_extract_month_and_day_reports_of_a_round_share_an_id() -> None:
    vague = make_article(
        "t-bucket-1",
        "Qatar and Egypt said talks between Israel and Hamas will resume in Doha "
        "in the coming days.",
        published="2024-10-24",
    )
    exact = make_article(
        "t-bucket-2",
        "On Monday, officials from Israel and Qatar resumed talks in Doha.",
        published="2024-10-28",
    )
    ids_a = set(_talks(extract_article(vague)))
    ids_b = _talks(extract_article(exact))
    assert ids_a == set(ids_b) == {"talks-doha-2024-10"}
    assert ids_b["talks-doha-2024-10"][0] == "2024-10-28"


def test_extract_round_without_venue_is_keyed_by_its_parties() -> None:
    facts = extract_article(
        make_article(
            "t-parties",
            "Negotiators from Israel and Hamas met on Monday.",
            published="2024-08-14",
        )
    )
    assert set(_talks(facts)) == {"talks-hamas-israel-2024-08"}


def test_extract_venue_city_country_hosts_when_not_a_party() -> None:
    facts = extract_article(
        make_article(
            "t-host",
            "Negotiators from Israel and Hamas met in Doha on Monday.",
            published="2024-08-14",
        )
    )
    [(_, parts)] = _talks(facts).values()
    assert ("qatar", Role.HOST) in parts
    assert ("qatar", Role.ATTENDEE) not in parts


def test_extract_hosted_by_names_the_host() -> None:
    facts = extract_article(
        make_article(
            "t-hosted",
            "A new round of talks between Israel and Hamas opened in Cairo on Friday, "
            "hosted by Qatar.",
            published="2024-08-14",
        )
    )
    [(_, parts)] = _talks(facts).values()
    assert ("qatar", Role.HOST) in parts


def test_extract_mediators_from_countries_mediate_the_round() -> None:
    facts = extract_article(
        make_article(
            "t-mediators",
            "Israel and Hamas resumed negotiations in Cairo on Monday.\n"
            "Mediators from Qatar and Egypt shuttled between the two delegations.",
            published="2024-08-14",
        )
    )
    [talks_id] = _talks(facts)
    assert {("qatar", talks_id), ("egypt", talks_id)} <= _rels(facts, Predicate.MEDIATED)


def test_extract_meeting_host_named_by_title_refers_back_to_the_person() -> None:
    facts = extract_article(
        make_article(
            "t-titled",
            "CIA Director William Burns arrived in Doha on Sunday. "
            "The CIA director spent the day with Mossad chief David Barnea.",
            published="2024-10-28",
        )
    )
    meetings = [e for e in facts.events if e.kind is EventKind.TALKS]
    people = {p.entity_id for e in meetings for p in e.participants}
    assert {"bill-burns", "david-barnea"} <= people


def test_trip_to_see_someone_is_a_meeting_with_them() -> None:
    facts = extract_article(
        make_article(
            "t-see",
            "On Monday, Jordanian envoy Ayman Safadi flew to Damascus to see Syria's foreign "
            "minister, Faisal Mekdad.",
            published="2024-12-20",
        )
    )
    met = [{p.entity_id for p in e.participants} for e in facts.events if e.kind is EventKind.TALKS]
    assert len(met) == 1 and {"ayman-safadi", "faisal-mekdad"} <= met[0]


def test_seeing_without_a_trip_is_no_meeting() -> None:
    facts = extract_article(
        make_article(
            "t-see-not",
            "On Monday, Jordanian envoy Ayman Safadi said he could see no progress with Syria.",
            published="2024-12-20",
        )
    )
    assert [e for e in facts.events if e.kind is EventKind.TALKS] == []


def test_plural_meetings_name_the_round_under_way() -> None:
    facts = extract_article(
        make_article(
            "t-meetings",
            "After a second day of meetings in Amman on Thursday, the Jordanian and Syrian "
            "officials passed both sides a revised text.",
            published="2024-08-17",
        )
    )
    assert [e.place_id for e in facts.events if e.kind is EventKind.TALKS] == ["amman"]
    assert all(r.subject_id != r.object_id for r in facts.relations)
