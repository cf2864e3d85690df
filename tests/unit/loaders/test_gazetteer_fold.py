"""Place names are compared by the same letters as slugs and search keys."""

from __future__ import annotations

from graph.names import slugify
from loaders.gazetteer import fold


def test_place_names_fold_letters_without_a_decomposition() -> None:
    assert fold("K\u0131r\u0131kkale") == fold("KIRIKKALE") == "kirikkale"
    assert fold("the Łódź") == "lodz"
    assert slugify("Łódź") == fold("Łódź")
