"""A fact's standing from its claims, and the count of independent sources."""

from __future__ import annotations

from typing import Any

import pytest

from graph.models import Standing
from graph.standing import fact_standing, independent_sources, weakest

DAY = "2024-08-15"


def claim(status: str, published: str | None, source: str = "Wire", **more: Any) -> dict[str, Any]:
    return {
        "status": status,
        "published": published,
        "source": source,
        "article": more.pop("article", f"{source}-{published}-{status}"),
        **more,
    }


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([claim("stated", "2024-08-16")], Standing.CONFIRMED),
        ([claim("planned", "2024-08-13")], Standing.EXPECTED),
        # 'stated' before the day it gives is an announcement
        ([claim("stated", "2024-08-13")], Standing.EXPECTED),
        ([claim("planned", "2024-08-13"), claim("stated", "2024-08-16")], Standing.CONFIRMED),
        (
            [claim("stated", "2024-08-16"), claim("denied", "2024-08-16", "Other")],
            Standing.CONTESTED,
        ),
        (
            [claim("planned", "2024-08-13"), claim("doubted", "2024-08-14", "Other")],
            Standing.CONTESTED,
        ),
        # a doubt the later report answered
        (
            [claim("doubted", "2024-08-12"), claim("stated", "2024-08-16", "Other")],
            Standing.CONFIRMED,
        ),
        # a doubt raised after the report still contests it
        (
            [claim("stated", "2024-08-16"), claim("doubted", "2024-08-17", "Other")],
            Standing.CONTESTED,
        ),
        ([claim("doubted", "2024-08-12")], Standing.UNCONFIRMED),
        ([claim("hypothetical", "2024-08-12")], Standing.UNCONFIRMED),
        ([claim("denied", "2024-08-16"), claim("doubted", "2024-08-12")], Standing.DENIED),
    ],
)
def test_standing_from_claims(claims: list[dict[str, Any]], expected: Standing) -> None:
    assert fact_standing(claims, DAY) is expected
    assert fact_standing(claims[::-1], DAY) is expected


def test_undated_facts_and_facts_without_claims() -> None:
    assert fact_standing([claim("stated", "2024-01-01")], None) is Standing.CONFIRMED
    assert fact_standing([claim("stated", None)], DAY) is Standing.CONFIRMED
    assert fact_standing([], DAY, "planned") is Standing.EXPECTED
    assert fact_standing([], DAY, "doubted") is Standing.UNCONFIRMED
    assert fact_standing([], DAY) is Standing.CONFIRMED


def test_independent_sources_count_outlets_and_same_text_once() -> None:
    a = claim("stated", DAY, "Reuters", article="a", content_hash="h1", sentence="X met Y.")
    b = claim("stated", DAY, "Reuters", article="b", content_hash="h2", sentence="X saw Y.")
    c = claim("stated", DAY, "Al Jazeera", article="c", content_hash="h3", sentence="Y met X.")
    carried = claim(
        "stated", DAY, "Local Paper", article="d", content_hash="h1", sentence="X met Y."
    )
    assert independent_sources([a]) == 1
    assert independent_sources([a, b]) == 1  # one outlet
    assert independent_sources([a, b, c]) == 2
    assert independent_sources([a, b, c, carried]) == 2  # the wire story carried by another
    reworded = claim("stated", DAY, "Local Paper", article="e", content_hash="h4", sentence="Z.")
    assert independent_sources([a, c, reworded]) == 3


def test_weakest_standing() -> None:
    assert weakest([Standing.CONFIRMED, Standing.EXPECTED]) is Standing.EXPECTED
    assert weakest([Standing.CONTESTED, Standing.CONFIRMED]) is Standing.CONTESTED
    assert weakest([]) is Standing.CONFIRMED
