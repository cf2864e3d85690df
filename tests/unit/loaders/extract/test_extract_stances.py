"""Demands, rejections and accusations stated by verbs, nouns and evaluations (synthetic text)."""

from __future__ import annotations

from graph.models import ArticleFacts, Predicate
from loaders.extract import extract_article
from loaders.extract.phrases import similar_texts
from tests.support.factories import make_article


def _texts(facts: ArticleFacts, subject: str, predicate: Predicate) -> list[str]:
    return [
        r.object_text or ""
        for r in facts.relations
        if r.subject_id == subject and r.predicate is predicate and r.object_id is None
    ]


def _pairs(facts: ArticleFacts, predicate: Predicate) -> set[tuple[str, str | None]]:
    return {(r.subject_id, r.object_id) for r in facts.relations if r.predicate is predicate}


def _extract(text: str) -> ArticleFacts:
    return extract_article(make_article("t-stance", text, published="2024-09-12"))


def test_extract_position_that_deal_must_include_gives_one_demand_per_conjunct() -> None:
    facts = _extract(
        "Lebanon's position has been that any deal must include a prisoner exchange "
        "and the reopening of the border crossings."
    )
    assert sorted(_texts(facts, "lebanon", Predicate.DEMANDED)) == [
        "prisoner exchange",
        "reopening of the border crossings",
    ]


def test_extract_deal_condition_is_demanded_by_the_speaker() -> None:
    facts = _extract("Any agreement must include a permanent truce, Jordan said.")
    assert _texts(facts, "jordan", Predicate.DEMANDED) == ["permanent truce"]


def test_extract_demand_noun_takes_its_object_not_the_clause() -> None:
    facts = _extract(
        "Iran's demands for the release of all detainees held in Amman, including those "
        "arrested last year, are seen by Jordan as excessive."
    )
    assert _texts(facts, "iran", Predicate.DEMANDED) == ["release of all detainees held in Amman"]
    rejected = _texts(facts, "jordan", Predicate.REJECTED)
    assert len(rejected) == 1 and rejected[0].startswith("Iran's demands for the release")


def test_extract_possessive_pronoun_demand_goes_to_last_person() -> None:
    facts = _extract(
        "Benjamin Netanyahu is waiting to see who will succeed President Joe Biden. "
        "His demand to keep control of the Rafah crossing stalled the last round."
    )
    assert _texts(facts, "benjamin-netanyahu", Predicate.DEMANDED) == [
        "control of the Rafah crossing"
    ]
    assert _texts(facts, "joe-biden", Predicate.DEMANDED) == []


def test_extract_no_intention_of_is_a_rejection_by_the_pronoun_subject() -> None:
    facts = _extract(
        "Benjamin Netanyahu spoke to reporters in Jerusalem. "
        "He has made clear he has no intention of lifting the blockade of Gaza."
    )
    assert _texts(facts, "benjamin-netanyahu", Predicate.REJECTED) == [
        "lifting the blockade of Gaza"
    ]


def test_extract_refused_and_ruled_out_are_rejections() -> None:
    facts = _extract("Jordan refused to reopen the border. Iran ruled out a prisoner exchange.")
    assert _texts(facts, "jordan", Predicate.REJECTED) == ["reopen the border"]
    assert _texts(facts, "iran", Predicate.REJECTED) == ["prisoner exchange"]


def test_extract_asked_to_gives_a_demand_with_the_addressee() -> None:
    facts = _extract("Egypt asked Jordan to return to the negotiating table.")
    assert _texts(facts, "egypt", Predicate.DEMANDED) == [
        "Jordan to return to the negotiating table"
    ]


def test_extract_called_for_needs_for_and_splits_conjuncts() -> None:
    facts = _extract(
        "Qatar called for a permanent ceasefire and the return of displaced families. "
        "Egypt called the plan a step forward."
    )
    assert sorted(_texts(facts, "qatar", Predicate.DEMANDED)) == [
        "permanent ceasefire",
        "return of displaced families",
    ]
    assert _texts(facts, "egypt", Predicate.DEMANDED) == []


def test_extract_insists_until_gives_each_condition() -> None:
    facts = _extract(
        "Syria insists that it must continue the war until all prisoners are freed "
        "and the army no longer poses a threat."
    )
    assert sorted(_texts(facts, "syria", Predicate.DEMANDED)) == [
        "all prisoners are freed",
        "army no longer poses a threat",
    ]


def test_extract_accusations_leveled_against_by() -> None:
    facts = _extract(
        "The walkout, driven by accusations of bad faith leveled against Iran by Jordan, "
        "ended the round."
    )
    assert ("jordan", "iran") in _pairs(facts, Predicate.ACCUSED)


def test_extract_pronoun_subject_of_accused_is_the_last_group_subject() -> None:
    facts = _extract(
        "Hezbollah has not shown much confidence in the talks, and it even accused Jordan "
        "of stalling."
    )
    assert ("hezbollah", "jordan") in _pairs(facts, Predicate.ACCUSED)


def test_extract_same_demand_twice_in_an_article_is_one_relation() -> None:
    facts = _extract(
        "Oman insists on a full withdrawal from the corridor. "
        "Oman has demanded a full withdrawal from the corridor soon."
    )
    assert len(_texts(facts, "oman", Predicate.DEMANDED)) == 1


def test_similar_texts_treats_contained_wording_as_the_same() -> None:
    assert similar_texts("Iran's demands", "Iran's demands for the release of detainees")
    assert not similar_texts("permanent ceasefire", "release of detainees")


def test_extract_accusations_by_several_and_of_the_subject_of_a_charge() -> None:
    facts = extract_article(
        make_article(
            "t-accused",
            "Hamas and Iran blamed Israel for the killing. "
            "US envoy Steve Witkoff left Doha. Senior Hamas man Basem Naim charged that "
            "the American envoy was misrepresenting the talks.",
            published="2025-07-26",
        )
    )
    accused = {
        (r.subject_id, r.object_id) for r in facts.relations if r.predicate is Predicate.ACCUSED
    }
    assert {("hamas", "israel"), ("iran", "israel"), ("basem-naim", "steve-witkoff")} <= accused


def test_extract_holding_out_until_a_condition_is_a_demand_of_the_speaker() -> None:
    facts = _extract(
        "Prime Minister Bisher Al-Khasawneh said Jordan would not reopen the crossing "
        "until Syria handed over the names of the detained drivers."
    )
    assert _texts(facts, "bisher-al-khasawneh", Predicate.DEMANDED) == [
        "Syria handed over the names of the detained drivers"
    ]


def test_extract_delaying_until_a_condition_is_a_demand_of_the_subject() -> None:
    facts = _extract("Lebanon delays the prisoner release until Syria respects the terms.")
    assert _texts(facts, "lebanon", Predicate.DEMANDED) == ["Syria respects the terms"]


def test_extract_plain_until_clause_is_no_demand() -> None:
    facts = _extract("Jordan kept the border open until the storm passed on Sunday.")
    assert _texts(facts, "jordan", Predicate.DEMANDED) == []


def test_extract_joint_statement_calling_on_parties_is_a_demand_of_each_signatory() -> None:
    facts = _extract(
        "President Joe Biden, Egypt's President Abdel Fattah el-Sisi and the Emir of Qatar, "
        "Tamim bin Hamad Al Thani, issued a joint statement calling on both sides to return "
        "to the table in Cairo."
    )
    demanders = {r.subject_id for r in facts.relations if r.predicate is Predicate.DEMANDED}
    assert {"joe-biden", "tamim-bin-hamad-al-thani"} <= demanders
    assert "egypt" not in demanders


def test_extract_speaker_saying_a_party_does_harm_accuses_it() -> None:
    facts = _extract(
        "Jordanian official Ayman Safadi told reporters that Syria was thwarting the "
        "mediators' efforts."
    )
    assert ("ayman-safadi", "syria") in _pairs(facts, Predicate.ACCUSED)


def test_extract_speaker_saying_a_party_does_well_accuses_no_one() -> None:
    facts = _extract("Jordanian official Ayman Safadi told reporters that Syria was helping.")
    assert _pairs(facts, Predicate.ACCUSED) == set()


def test_extract_participle_of_an_announcement_accuses_for_the_announcer() -> None:
    facts = _extract(
        "On Monday, Ayman Safadi has announced that the release is postponed until further "
        "notice, accusing Syria of violations of the agreement."
    )
    assert ("ayman-safadi", "syria") in _pairs(facts, Predicate.ACCUSED)


def test_extract_group_whose_sentence_has_no_verb_of_its_own_still_accuses() -> None:
    facts = _extract(
        "The Hostages and Missing Families Forum, which represents most of the families, "
        "called on Israelis to take to the streets, and accused Netanyahu of abandoning "
        "the captives."
    )
    assert ("hostages-and-missing-families-forum", "benjamin-netanyahu") in _pairs(
        facts, Predicate.ACCUSED
    )


def test_extract_branding_an_act_with_blame_accuses_whoever_did_it() -> None:
    facts = _extract(
        "Syria carried out an air strike on a building in Amman on Tuesday. The foreign "
        "ministry spokesman, Ayman Safadi, called it a cowardly attack and a flagrant "
        "violation of international law."
    )
    assert ("ayman-safadi", "syria") in _pairs(facts, Predicate.ACCUSED)


def test_extract_naming_an_act_without_blame_accuses_no_one() -> None:
    facts = _extract(
        "Syria carried out an air strike on a building in Amman on Tuesday. The foreign "
        "ministry spokesman, Ayman Safadi, called it a limited operation."
    )
    assert _pairs(facts, Predicate.ACCUSED) == set()


def test_extract_calling_something_good_for_a_party_demands_nothing() -> None:
    facts = _extract(
        "Ayman Safadi, in a written statement, called it a good day for Jordan and for Syria."
    )
    assert _texts(facts, "ayman-safadi", Predicate.DEMANDED) == []


def test_extract_calling_for_something_is_a_demand() -> None:
    facts = _extract("Ayman Safadi called for a permanent truce on the border.")
    assert _texts(facts, "ayman-safadi", Predicate.DEMANDED) == ["permanent truce on the border"]
