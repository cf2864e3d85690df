"""Claimants on small synthetic articles, with the real pipeline: who each sentence says
asserts the facts it reports."""

from __future__ import annotations

import hashlib

import pytest

from graph.models import (
    Article,
    ArticleFacts,
    Claimant,
    ClaimantKind,
    ClaimStatus,
    Evidence,
    Predicate,
)
from loaders.extract import extract_article
from loaders.extract.claimants import load_words


def facts_of(text: str, published: str = "2024-08-13") -> ArticleFacts:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return extract_article(
        Article(id="t-claim", published=published, source="Wire", content_hash=digest, text=text)
    )


def claimant_of_sentence(facts: ArticleFacts, fragment: str) -> Claimant | None:
    """The claimant of the evidence whose sentence holds `fragment` (one for all its facts)."""
    found: set[Claimant | None] = set()
    evidence: list[Evidence] = [r.evidence for r in facts.relations]
    for v in facts.events:
        evidence += list(v.evidence)
        evidence += [p.evidence for p in v.participants if p.evidence is not None]
    for ev in evidence:
        if fragment in ev.sentence:
            found.add(ev.claimant)
    assert found, f"no evidence sentence holds {fragment!r}"
    assert len(found) == 1, f"the sentence has several claimants: {found}"
    return found.pop()


def test_named_press_secretary_is_the_claimant_of_what_she_said() -> None:
    facts = facts_of(
        "White House press secretary Karine Jean-Pierre said that Burns would attend the "
        "talks in Doha on Thursday."
    )
    attended = [r for r in facts.relations if r.predicate is Predicate.ATTENDED]
    assert attended, "the sentence states an attendance"
    who = attended[0].evidence.claimant
    assert who is not None
    assert (who.kind, who.name, who.entity_id) == (
        ClaimantKind.NAMED,
        "Karine Jean-Pierre",
        "karine-jean-pierre",
    )
    assert who.entity_id in {e.id for e in facts.entities}


def test_unnamed_official_speaking_to_an_outlet_is_described_with_the_outlet() -> None:
    facts = facts_of(
        "The Hamas delegation took part in the talks in Cairo on Monday, an "
        "Egyptian official told Reuters."
    )
    who = claimant_of_sentence(facts, "took part")
    assert who == Claimant(
        kind=ClaimantKind.UNNAMED, name="unnamed Egyptian official", via="Reuters"
    )


def test_a_quote_over_several_sentences_keeps_its_speaker() -> None:
    text = (
        "Mediators met in Doha on Monday.\n"
        '"Israel will not attend the talks in Cairo. Its delegation stays home," '
        "Hamas official Basem Naim said. "
        '"The Egyptian mediators met the Qatari delegation in Cairo on Sunday. '
        'Nothing came of the talks."\n'
        "The talks in Doha were held on Monday."
    )
    facts = facts_of(text)
    naim = Claimant(kind=ClaimantKind.NAMED, name="Basem Naim", entity_id="basem-naim")
    # the sentence before the attribution, and the quote that follows it
    assert claimant_of_sentence(facts, "Israel will not attend") == naim
    assert claimant_of_sentence(facts, "met the Qatari delegation") == naim
    # the article's own voice before and after the quotes
    assert claimant_of_sentence(facts, "Mediators met in Doha") is None
    assert claimant_of_sentence(facts, "were held on Monday") is None


@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "According to sources familiar with the talks, the Israeli delegation will "
            "travel to Cairo on Thursday for talks with Egyptian mediators in Cairo.",
            "travel to Cairo",
            Claimant(kind=ClaimantKind.UNNAMED, name="unnamed sources familiar with the talks"),
        ),
        (
            "Netanyahu's office said the Israeli delegation would hold talks in Cairo on "
            "Thursday with Egyptian mediators.",
            "hold talks",
            Claimant(kind=ClaimantKind.NAMED, name="Netanyahu's office"),
        ),
        (
            "The Israeli delegation held talks in Cairo on Monday with Egyptian mediators.",
            "held talks",
            None,
        ),
    ],
)
def test_attribution_clauses(text: str, fragment: str, expected: Claimant | None) -> None:
    assert claimant_of_sentence(facts_of(text), fragment) == expected


def test_word_lists_load_and_refuse_unknown_keys() -> None:
    words = load_words()
    assert {"say", "tell", "announce", "confirm", "deny", "cite"} <= words.reporting_verbs
    with pytest.raises(ValueError, match="reporting_verb"):
        type(words).model_validate({**words.model_dump(), "reporting_verb": ["say"]})


def test_each_sentence_keeps_its_own_status_of_a_fact() -> None:
    facts = facts_of(
        "Hamas will attend the talks in Doha on Thursday, officials said.\n"
        "However, whether Hamas will be part of these discussions, which will be held in the "
        "Qatari capital on Thursday, is still in doubt."
    )
    [attended] = [
        r for r in facts.relations if r.predicate is Predicate.ATTENDED and r.subject_id == "hamas"
    ]
    assert attended.status is ClaimStatus.PLANNED  # the article's word: said once without doubt
    if "in doubt" in attended.evidence.sentence:
        assert attended.evidence.status is ClaimStatus.DOUBTED
    else:
        assert attended.evidence.status is None
    [talks] = [v for v in facts.events if v.id.startswith("talks-doha")]
    assert all(ev.status is not ClaimStatus.DOUBTED for ev in talks.evidence), (
        "the doubt is about Hamas's part, not the round"
    )
