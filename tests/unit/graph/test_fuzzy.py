"""Misspelt search terms: how many typing errors a term is from an entity's names."""

from __future__ import annotations

import pytest

from graph.names import normalize
from graph.reads.fuzzy import allowed_edits, closeness, edits_to


@pytest.mark.parametrize(
    ("term", "name", "edits"),
    [
        ("netanyahou", "Benjamin Netanyahu", 1),
        ("sinwarr", "Yahya Sinwar", 1),
        ("blinkin", "Antony Blinken", 1),
        ("red lanturn front", "Red Lantern Front", 1),
        ("quesht", "Qeshet", 2),
    ],
)
def test_a_term_a_few_edits_away_matches(term: str, name: str, edits: int) -> None:
    assert edits_to(normalize(term), [normalize(name)]) == edits


@pytest.mark.parametrize(
    ("term", "name"),
    [("hamas", "Hammam"), ("egypt", "Cairo"), ("iran", "Ireland"), ("ntern", "Lantern")],
)
def test_a_different_name_or_a_fragment_does_not_match(term: str, name: str) -> None:
    assert edits_to(normalize(term), [normalize(name)]) is None


def test_longer_terms_may_hold_more_errors() -> None:
    assert [allowed_edits(t) for t in ("un", "gaza", "hamas", "sinwar", "red cross")] == [
        0,
        1,
        1,
        2,
        2,
    ]
    assert edits_to("un", ["us"]) is None
    assert edits_to("sinwar", []) is None


def test_the_alias_typed_is_closer_than_the_name_holding_it() -> None:
    assert closeness("brandtt", "brandt") < closeness("brandtt", "ana lucia brandt")
