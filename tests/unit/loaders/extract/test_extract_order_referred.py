"""PRECEDED counts from the main event of the sentence before, and from events named again."""

from __future__ import annotations

from graph.models import EventKind, Predicate
from loaders.extract import extract_article
from tests.support.factories import make_article


def _preceded(text: str, published: str) -> set[tuple[EventKind, EventKind]]:
    facts = extract_article(make_article("t-order", text, published=published))
    kinds = {e.id: e.kind for e in facts.events}
    return {
        (kinds[r.subject_id], kinds[r.object_id])
        for r in facts.relations
        if r.predicate is Predicate.PRECEDED and r.object_id in kinds
    }


def test_extract_a_day_later_counts_from_the_main_clause_not_a_saying_inside_it() -> None:
    text = (
        "On Tuesday Israel recalled its negotiators from Doha, after what Netanyahu's office "
        "called a week of hard bargaining. A day later Hamas said Israel had set new conditions."
    )
    found = _preceded(text, "2024-12-26")
    assert (EventKind.WITHDRAWAL, EventKind.STATEMENT) in found, found


def test_extract_a_round_named_again_by_its_city_precedes_the_next() -> None:
    text = (
        "Negotiators held talks in Cairo on 13 February. "
        "Ten days after Cairo, the spy chiefs met again in Paris on 23 February."
    )
    found = _preceded(text, "2024-02-25")
    assert (EventKind.TALKS, EventKind.TALKS) in found, found
