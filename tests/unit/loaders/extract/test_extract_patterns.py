"""Parse patterns on small synthetic articles, with the real pipeline loaded once."""

from __future__ import annotations

import pytest

from graph.models import ArticleFacts, EntityType, EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article

CAIRO_TEXT = (
    "Officials from Israel and Hamas will meet in Cairo on Thursday, officials said. "
    "The Israeli delegation will include Amir Talmon of Mossad and Dana Orlev. "
    "Egypt, a key mediator, has worked to broker the talks. "
    "Shin Bet director Yaron Katzir said the talks were serious. "
    "Later, Talmon told reporters that a deal was close."
)


@pytest.fixture(scope="module")
def cairo_facts() -> ArticleFacts:
    return extract_article(make_article("t-cairo", CAIRO_TEXT))


def _rels(facts: ArticleFacts, predicate: Predicate) -> set[tuple[str, str | None]]:
    return {(r.subject_id, r.object_id) for r in facts.relations if r.predicate is predicate}


def test_extract_talks_event_has_place_and_future_date(cairo_facts: ArticleFacts) -> None:
    talks = [e for e in cairo_facts.events if e.kind is EventKind.TALKS]
    assert len(talks) == 1
    assert talks[0].place_id == "cairo"
    assert talks[0].date == "2024-08-15"
    assert talks[0].id == "talks-cairo-2024-08"


def test_extract_delegation_members_attend_and_belong(cairo_facts: ArticleFacts) -> None:
    talks_id = "talks-cairo-2024-08"
    delegations = [e for e in cairo_facts.entities if e.type is EntityType.DELEGATION]
    assert [d.name for d in delegations] == ["Israeli delegation"]
    deleg = delegations[0].id
    members = {s for s, o in _rels(cairo_facts, Predicate.MEMBER_OF) if o == deleg}
    assert members == {"amir-talmon", "dana-orlev"}
    attended = {s for s, o in _rels(cairo_facts, Predicate.ATTENDED) if o == talks_id}
    assert {"amir-talmon", "dana-orlev", deleg, "israel"} <= attended
    assert ("amir-talmon", "mossad") in _rels(cairo_facts, Predicate.MEMBER_OF)


def test_extract_title_makes_leads_edge(cairo_facts: ArticleFacts) -> None:
    assert ("yaron-katzir", "shin-bet") in _rels(cairo_facts, Predicate.LEADS)


def test_extract_mediator_is_not_an_attendee(cairo_facts: ArticleFacts) -> None:
    mediated = _rels(cairo_facts, Predicate.MEDIATED)
    assert ("egypt", "talks-cairo-2024-08") in mediated
    assert ("egypt", "talks-cairo-2024-08") not in _rels(cairo_facts, Predicate.ATTENDED)


def test_extract_short_name_resolves_to_full_name(cairo_facts: ArticleFacts) -> None:
    people = {e.id: e for e in cairo_facts.entities if e.type is EntityType.PERSON}
    assert "talmon" not in people
    assert "Talmon" in people["amir-talmon"].aliases


def test_extract_evidence_offsets_point_into_text(cairo_facts: ArticleFacts) -> None:
    text = cairo_facts.article.text
    evidences = [r.evidence for r in cairo_facts.relations]
    evidences += [ev for e in cairo_facts.entities for ev in e.evidence]
    evidences += [ev for e in cairo_facts.events for ev in e.evidence]
    assert evidences
    for ev in evidences:
        assert text[ev.start : ev.end] == ev.sentence
        assert ev.article_id == "t-cairo"
    member = next(r for r in cairo_facts.relations if r.subject_id == "dana-orlev")
    assert member.evidence.sentence.startswith("The Israeli delegation will include")


def test_extract_dictionary_match_is_more_confident_than_ner(cairo_facts: ArticleFacts) -> None:
    by_id = {e.id: e for e in cairo_facts.entities}
    assert by_id["egypt"].evidence[0].confidence > by_id["dana-orlev"].evidence[0].confidence


def test_extract_same_killing_from_two_articles_gets_one_id() -> None:
    first = make_article(
        "t-kill-1",
        "Israeli forces killed Hamas commander Rami Saadeh in Khan Younis on Tuesday.",
        published="2024-09-12",
    )
    second = make_article(
        "t-kill-2",
        "The killing of Rami Saadeh, the Hamas commander, angered the group, "
        "which accused Israel of sabotaging talks.",
        published="2024-09-14",
    )
    a, b = extract_article(first), extract_article(second)
    kill_a = [e for e in a.events if e.kind is EventKind.KILLING]
    kill_b = [e for e in b.events if e.kind is EventKind.KILLING]
    assert [e.id for e in kill_a] == [e.id for e in kill_b] == ["killing-rami-saadeh"]
    assert kill_a[0].date == "2024-09-10"
    assert kill_a[0].place_id == "khan-younis"
    assert ("israel-defense-forces", "rami-saadeh") in _rels(a, Predicate.KILLED)


def test_extract_talks_reported_by_two_articles_share_an_id() -> None:
    first = make_article(
        "t-doha-1", "Officials from Israel and Qatar met in Doha on Monday.", published="2024-10-28"
    )
    second = make_article(
        "t-doha-2", "Israel and Qatar held talks in Doha on Monday.", published="2024-10-29"
    )
    ids_a = {e.id for e in extract_article(first).events if e.kind is EventKind.TALKS}
    ids_b = {e.id for e in extract_article(second).events if e.kind is EventKind.TALKS}
    assert ids_a == ids_b == {"talks-doha-2024-10"}


def test_extract_demand_and_accusation_edges() -> None:
    article = make_article(
        "t-demand",
        "Hezbollah insists on a full withdrawal of foreign troops. "
        "Jordan accused Iran of delaying the talks.",
    )
    facts = extract_article(article)
    demands = [r for r in facts.relations if r.predicate is Predicate.DEMANDED]
    assert [(r.subject_id, r.object_id) for r in demands] == [("hezbollah", None)]
    assert "withdrawal of foreign troops" in (demands[0].object_text or "")
    assert ("jordan", "iran") in _rels(facts, Predicate.ACCUSED)


def test_extract_title_a_name_stands_in_apposition_to() -> None:
    facts = extract_article(
        make_article(
            "t-title-before",
            "The White House press secretary, Karoline Leavitt, told reporters on Tuesday "
            "that Iran's new president, Masoud Pezeshkian, had called.",
            published="2025-01-15",
        )
    )
    assert ("karoline-leavitt", "white-house") in _rels(facts, Predicate.MEMBER_OF)
    assert ("masoud-pezeshkian", "iran") in _rels(facts, Predicate.LEADS)


def test_extract_party_named_as_a_title_modifier_demands_nothing_of_its_own() -> None:
    facts = extract_article(
        make_article(
            "t-modifier",
            "EU foreign policy chief Josep Borrell urged Israel to renounce a ground offensive.",
            published="2024-05-06",
        )
    )
    demanders = {s for s, _ in _rels(facts, Predicate.DEMANDED)}
    assert demanders == {"josep-borrell"}


def test_extract_party_owning_up_to_a_killing_just_told_killed() -> None:
    facts = extract_article(
        make_article(
            "t-owning-up",
            "Faisal Mekdad was assassinated in Amman in July; on Monday, Jordan said openly for "
            "the first time that Syria had done it.",
            published="2024-12-28",
        )
    )
    assert ("syria", "faisal-mekdad") in _rels(facts, Predicate.KILLED)


def test_extract_doing_it_without_a_killing_told_kills_no_one() -> None:
    facts = extract_article(
        make_article(
            "t-owning-up-not",
            "Faisal Mekdad visited Amman in July; on Monday, Jordan said Syria had done it.",
            published="2024-12-28",
        )
    )
    assert _rels(facts, Predicate.KILLED) == set()


def test_extract_chief_of_a_country_s_body_leads_the_body_not_the_country() -> None:
    facts = extract_article(
        make_article(
            "t-body-chief",
            "Egypt's intelligence chief Abbas Kamel met Qatar's prime minister, Sheikh Mohammed "
            "bin Abdulrahman Al Thani, and Richard Moore, the head of Britain's MI6, in Cairo.",
            published="2024-08-14",
        )
    )
    leads = _rels(facts, Predicate.LEADS)
    assert ("abbas-kamel", "egypt") not in leads
    assert ("mohammed-bin-abdulrahman-al-thani", "qatar") in leads
    assert ("richard-moore", "united-kingdom") not in leads
