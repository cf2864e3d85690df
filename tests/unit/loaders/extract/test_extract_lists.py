"""Lists of names read along the words: every item attends, qualifiers and asides do not."""

from __future__ import annotations

import pytest

from graph.models import EventKind, Predicate
from loaders.extract import extract_article
from loaders.extract.context import joined_sentences
from loaders.nlp import load_pipeline
from tests.support.factories import make_article

ROUND = "Negotiators held talks in Doha on Tuesday with Egyptian and Qatari mediators. "


def _attended(text: str) -> set[str]:
    facts = extract_article(make_article("t-list", text, published="2024-08-21"))
    talks = {e.id for e in facts.events if e.kind is EventKind.TALKS}
    return {
        r.subject_id
        for r in facts.relations
        if r.predicate is Predicate.ATTENDED and r.object_id in talks
    }


@pytest.mark.parametrize(
    ("sentence", "present", "absent"),
    [
        (  # a rank abbreviation ends no sentence; a relative clause is an aside
            "The Israeli team included Ronen Bar, Brig. Gen. (ret.) Nitzan Alon, who once "
            "served under Benjamin Netanyahu, and Ophir Falk.",
            {"ronen-bar", "nitzan-alon", "ophir-falk"},
            {"benjamin-netanyahu"},
        ),
        (  # a possessor and the person an adviser serves qualify an item
            "Israel's delegation comprised David Barnea, Netanyahu's aide Ophir Falk and "
            "Nitzan Alon, an adviser to Yoav Gallant and Benny Gantz.",
            {"david-barnea", "ophir-falk", "nitzan-alon"},
            {"benjamin-netanyahu", "yoav-gallant", "benny-gantz"},
        ),
        (  # the parties a participant represents are named, not the agency he belongs to
            "A session followed with the participation of William Burns, who represented "
            "Washington, the Qatari premier Sheikh Mohammed bin Abdulrahman Al Thani and "
            "the Egyptian spy chief Abbas Kamel.",
            {"bill-burns", "united-states", "mohammed-bin-abdulrahman-al-thani", "abbas-kamel"},
            {"cia", "qatar"},
        ),
    ],
)
def test_extract_every_item_of_a_list_attends(
    sentence: str, present: set[str], absent: set[str]
) -> None:
    attended = _attended(ROUND + sentence)
    assert present <= attended, attended
    assert not absent & attended, attended


def test_extract_delegation_members_from_a_list_after_its_leader() -> None:
    text = ROUND + (
        "Israel's delegation was led by David Barnea and included Maj. Gen. (res.) Nitzan Alon "
        "and Ophir Falk."
    )
    facts = extract_article(make_article("t-members", text, published="2024-08-21"))
    members = {r.subject_id for r in facts.relations if r.predicate is Predicate.MEMBER_OF}
    assert {"nitzan-alon", "ophir-falk"} <= members, members


def test_sentences_are_joined_after_an_abbreviation_not_after_a_line_break() -> None:
    doc = load_pipeline()("The team included Maj. Gen. (res.) Nitzan Alon.\nGen. Staff met.")
    assert [s.text.strip() for s in joined_sentences(doc)] == [
        "The team included Maj. Gen. (res.) Nitzan Alon.",
        "Gen. Staff met.",
    ]
