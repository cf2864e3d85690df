"""Rejections said as refusals: 'will not agree to X', 'will not accept that X', 'objected to X'."""

from __future__ import annotations

import pytest

from graph.models import Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("text", "who", "words"),
    [
        (
            "Officials said on Monday that Hamas will not agree to disarm as part of any deal.",
            "hamas",
            {"disarm", "deal"},
        ),
        (
            "Egypt will not accept that Gaza's people be pushed into Sinai, it said on Friday.",
            "egypt",
            {"pushed", "Sinai"},
        ),
        (
            "Itamar Ben-Gvir objected on Sunday to the cabinet approving the truce.",
            "itamar-ben-gvir",
            {"cabinet", "approving", "truce"},
        ),
    ],
)
def test_extract_a_refusal_is_a_rejection(text: str, who: str, words: set[str]) -> None:
    facts = extract_article(make_article("t-refuse", text, published="2025-01-20"))
    found = {
        (r.subject_id, r.object_text or "")
        for r in facts.relations
        if r.predicate is Predicate.REJECTED
    }
    assert any(s == who and words <= set(t.split()) for s, t in found), found


def test_extract_an_acceptance_is_no_rejection() -> None:
    text = "Hamas agreed on Monday to release three hostages."
    facts = extract_article(make_article("t-accept", text, published="2025-01-20"))
    assert not [r for r in facts.relations if r.predicate is Predicate.REJECTED]
