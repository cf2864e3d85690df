"""An export is a backup: importing it into an empty graph gives back the same export."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.backup import InvalidBackup, import_document
from graph.export import read_document
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.paths import GOLD
from tests.support.seeded import load_seeds
from tests.support.worlds import article_one, article_two


def round_trip(store: GraphStore) -> tuple[dict[str, Any], dict[str, Any]]:
    """The export, and the export after emptying the graph and importing the first one."""
    before = json.loads(json.dumps(read_document(store)))
    store.delete_all()
    report = import_document(store, before)
    assert report.articles == len(before["articles"])
    return before, read_document(store)


def test_invented_world_round_trips(store: GraphStore) -> None:
    for facts in (
        article_one(),
        article_two(),
        talks_article("t-1"),
        talks_article("t-2", delegate="Ilsa Brand", city="Sarn"),
    ):
        store.write_article(facts)
    counts = store.counts()
    before, after = round_trip(store)
    assert after == before
    assert store.counts() == counts
    assert len(before["evidence"]) == counts["Evidence"]


def test_updated_article_keeps_its_order_through_a_round_trip(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", extra=" Same story."))
    store.write_article(talks_article("a-1", extra=" Corrected."))
    before, after = round_trip(store)
    person = next(e for e in before["entities"] if e["id"] == "mara-velden")
    assert person["articles"] == ["a-1", "a-2"]  # node provenance: sorted ids
    round_ = next(
        v for v in before["events"] if any(p["entity"] == "mara-velden" for p in v["participants"])
    )
    attended = next(p for p in round_["participants"] if p["entity"] == "mara-velden")
    assert attended["articles"] == ["a-2", "a-1"]  # edge provenance: the order of writing
    assert after == before


def test_seed_articles_round_trip(store: GraphStore) -> None:
    load_seeds(store)
    counts = store.counts()
    before, after = round_trip(store)
    assert after == before
    assert store.counts() == counts


def test_import_refuses_a_graph_that_is_not_empty(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    doc = read_document(store)
    with pytest.raises(InvalidBackup, match="already holds 1 articles"):
        import_document(store, doc)
    assert import_document(store, doc, allow_existing=True).unchanged == 1


@pytest.mark.parametrize(
    "doc",
    [[], {"articles": []}, json.loads(GOLD.read_text()) if GOLD.is_file() else {"entities": []}],
)
def test_import_rejects_what_is_not_a_full_export(store: GraphStore, doc: object) -> None:
    with pytest.raises(InvalidBackup):
        import_document(store, doc)
    assert store.counts()["Article"] == 0
