"""Loads name one happening once: an article loaded later, in another run or by another writer,
reuses the id the graph already has for its round, read from the graph by kind and month in the
write's own transaction."""

from __future__ import annotations

from pathlib import Path

from graph.models import ArticleFacts, DatePrecision, WriteStatus
from graph.store import GraphStore
from graph.unify import EventIndex
from loaders.pipeline import facts_line, load_facts
from tests.support.cypher import cypher
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
    assert cypher(store, EVENTS) == [
        {"id": "talks-lorvik-2031-03", "date": "2031-03-04"},  # the finer date of the two
        {"id": "talks-sorna-2031-03-04", "date": "2031-03-04"},
    ]
    rows = {r["id"]: sorted(r["articles"]) for r in cypher(store, ATTENDED)}
    assert rows == {"talks-lorvik-2031-03": ["a", "b"], "talks-sorna-2031-03-04": ["c"]}


def test_a_writer_sees_the_round_another_writer_added_since_its_last_write(
    store: GraphStore,
) -> None:
    events = EventIndex()  # the look-ups of one long load: March is read with its first article
    [(_, first)] = store.write_unified(
        [_round("a", "talks-sorna-2031-03-04", "2031-03-04", city="Sorna")], events
    )
    assert first is WriteStatus.LOADED
    store.write_article(_round("b", "talks-lorvik-2031-03-04", "2031-03-04"))  # another writer
    [(written, status)] = store.write_unified(
        [_round("c", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH)], events
    )
    assert status is WriteStatus.LOADED
    assert [v.id for v in written.events] == ["talks-lorvik-2031-03-04"]
    assert [r["id"] for r in cypher(store, EVENTS)] == [
        "talks-lorvik-2031-03-04",
        "talks-sorna-2031-03-04",
    ]


def test_posts_in_two_servers_name_one_round_once(store: GraphStore) -> None:
    """Each write looks its events up in its own transaction: written one after the other
    by two writers that share nothing, the second names the first's round."""
    store.write_article(_round("a", "talks-lorvik-2031-03-04", "2031-03-04"), EventIndex())
    month = _round("b", "talks-lorvik-2031-03", "2031-03-01", DatePrecision.MONTH)
    assert store.write_article(month, EventIndex()) is WriteStatus.LOADED
    assert [r["id"] for r in cypher(store, EVENTS)] == ["talks-lorvik-2031-03-04"]
