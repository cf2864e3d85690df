"""The one text folding: slugs for ids, search keys for names, accents stripped once."""

from __future__ import annotations

import pytest

from graph.models import slugify as model_slugify
from graph.names import normalize, search_keys, slugify, strip_accents


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Ana Lúcia Brandt", "ana-lucia-brandt"),
        ("Hamas's delegation", "hamass-delegation"),
        ("  --  ", "x"),
        ("Sharm el-Sheikh", "sharm-el-sheikh"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug
    assert model_slugify is slugify


def test_normalize_and_search_keys_fold_like_slugs() -> None:
    assert normalize("  Benjamin  NETANYAHU\u2019s ") == "benjamin netanyahus"
    assert search_keys("Yahya Sinwar", "yahya sinwar", "Sinwar") == ["yahya sinwar", "sinwar"]


def test_strip_accents_keeps_case_and_punctuation() -> None:
    assert strip_accents("Ministère d'État") == "Ministere d'Etat"


def test_letters_without_a_decomposition_are_transliterated_in_slugs_and_keys() -> None:
    # a dotless i, a barred l, a slashed o and a sharp s have no accent to strip
    assert slugify("Ibrahim Kal\u0131n") == slugify("Ibrahim Kalin") == "ibrahim-kalin"
    assert normalize("\u0141\u00f3d\u017a") == "lodz"
    assert normalize("\u00d8rsted Stra\u00dfe") == "orsted strasse"
