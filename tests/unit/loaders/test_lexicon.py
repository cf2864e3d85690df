"""The trigger lexicon is checked when it loads: bad keys, types and patterns fail by path."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from loaders.lexicon import Lexicon
from loaders.nlp import _read_data


@pytest.fixture(scope="module")
def lexicon_data() -> dict[str, Any]:
    data: dict[str, Any] = _read_data("patterns.json")
    return data


def test_shipped_lexicon_is_valid(lexicon_data: dict[str, Any]) -> None:
    lexicon = Lexicon.model_validate(lexicon_data)
    assert "said" not in lexicon.events.statement.verbs  # lemmas, not inflected forms
    assert "say" in lexicon.events.statement.verbs


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("events", "statement", "verbz"), ["say"], "verbz"),  # a misspelt key
        (("events", "attack", "first_role"), "villain", "first_role"),  # not a role
        (("talks", "verbs"), "meet", "verbs"),  # a string where a word list belongs
        (("order", "later_openings"), ["(unclosed"], "later_openings"),  # a broken pattern
    ],
)
def test_bad_lexicon_fails_naming_the_field(
    lexicon_data: dict[str, Any], path: tuple[str, ...], value: Any, where: str
) -> None:
    data = copy.deepcopy(lexicon_data)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(ValidationError, match=where):
        Lexicon.model_validate(data)
