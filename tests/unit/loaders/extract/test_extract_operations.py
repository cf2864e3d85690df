"""Military operations named by what troops take or whom they free."""

from __future__ import annotations

import pytest

from graph.models import EventKind
from loaders.extract import extract_article
from tests.support.factories import make_article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli troops seized the Philadelphi corridor on Tuesday.", True),
        ("Israeli forces captured the Rafah crossing on Tuesday.", True),
        ("Israeli forces rescued four hostages in Nuseirat on Saturday.", True),
        ("Hamas seized the initiative on Tuesday.", False),
    ],
)
def test_extract_an_operation_from_seizing_a_place_or_a_rescue(text: str, expected: bool) -> None:
    facts = extract_article(make_article("t-op", text, published="2024-06-10"))
    kinds = {e.kind for e in facts.events}
    assert (EventKind.MILITARY_OPERATION in kinds) is expected, kinds
