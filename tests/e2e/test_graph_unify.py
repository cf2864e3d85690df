"""Loads name one happening once: an article loaded later, in another run, reuses the id the
graph already has for its round, read from the graph by kind and month."""

from __future__ import annotations

from pathlib import Path

from graph.models import ArticleFacts, DatePrecision
from graph.store import GraphStore
from loaders.pipeline import facts_line, load_facts
from tests.support.factories import round_article as _round

EVENTS = "MATCH (v:Event) RETURN v.id AS id, v.date AS date ORDER BY id"
ATTENDED = """MATCH (:Entity)-[r:ATTENDED]->(v:Event) RETURN v.id AS id, r.articles AS articles"""


def _load(store: GraphStore, path: Path, *facts: ArticleFacts) -> None:
    path.write_text("".join(facts_line(f) for f in facts), encoding="utf-8")
    report = load_facts(path, store)
    assert report.ok, report.failed


def test_a_later_load_reuses_the_graphs_id_for_the_same_round(
    store: GraphStore, tmp_path: Path
) -> None:
    _load(
        store,
        tmp_path / "first.jsonl",
        _round("a", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH),
    )
    _load(
        store,
        tmp_path / "second.jsonl",
        _round("b", "talks-lorvik-2031-03-04", "2031-03-04"),
        _round("c", "talks-sorna-2031-03-04", "2031-03-04", city="Sorna"),
    )
    assert store.read(EVENTS) == [
        {"id": "talks-lorvik-2031-03", "date": "2031-03-04"},  # the finer date of the two
        {"id": "talks-sorna-2031-03-04", "date": "2031-03-04"},
    ]
    rows = {r["id"]: sorted(r["articles"]) for r in store.read(ATTENDED)}
    assert rows == {"talks-lorvik-2031-03": ["a", "b"], "talks-sorna-2031-03-04": ["c"]}
