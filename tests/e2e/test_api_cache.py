"""Costly answers are reused while the graph is unchanged and recomputed after any write."""

from __future__ import annotations

from api_world import api_client, api_settings

from api.cache import RevisionCache
from graph.reads import read_revision
from graph.settings import Settings
from graph.store import GraphStore
from tests.factories import talks_article


def test_revision_changes_with_every_write_and_only_then(store: GraphStore) -> None:
    seen = {read_revision(store)}
    store.write_article(talks_article("a-1"))
    after_write = read_revision(store)
    assert after_write is not None and after_write not in seen
    store.write_article(talks_article("a-1"))  # unchanged: nothing written
    assert read_revision(store) == after_write
    store.write_article(talks_article("a-1", extra=" Corrected."))
    after_update = read_revision(store)
    assert after_update not in {after_write, *seen}
    store.derive_sequences()
    after_derive = read_revision(store)
    assert after_derive != after_update
    store.delete_all()
    assert read_revision(store) not in {after_write, after_update, after_derive}


def test_cache_reuses_an_answer_until_the_revision_changes(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    cache = RevisionCache(max_entries=2)
    calls: list[str] = []

    def compute(tag: str) -> str:
        calls.append(tag)
        return f"{tag}-{len(calls)}"

    assert cache.answer(store, "k", lambda: compute("k")) == "k-1"
    assert cache.answer(store, "k", lambda: compute("k")) == "k-1"
    assert (cache.hits, cache.misses) == (1, 1)
    store.write_article(talks_article("a-2", city="Sarn"))
    assert cache.answer(store, "k", lambda: compute("k")) == "k-2"
    for key in ("x", "y"):
        cache.answer(store, key, lambda key=key: compute(key))
    assert len(cache) == 2  # bounded: the least recently used answer went first
    assert cache.answer(store, "k", lambda: compute("k")) == "k-5"


def test_api_profile_rounds_articles_and_timeline_follow_writes(
    store: GraphStore, graph_settings: Settings
) -> None:
    store.write_article(talks_article("a-1"))
    with api_client(api_settings(graph_settings)) as client:
        cache: RevisionCache = client.app.state.cache  # type: ignore[attr-defined]
        first = client.get("/entities/mara-velden").json()
        assert client.get("/entities/mara-velden").json() == first
        assert cache.hits >= 1
        rounds = client.get("/rounds").json()
        timeline = client.get("/timeline").json()
        hits = cache.hits
        assert client.get("/timeline").json() == timeline
        assert cache.hits == hits + 1
        articles = client.get("/articles").json()
        assert [a["id"] for a in articles] == ["a-1"]

        store.write_article(talks_article("a-2", city="Sarn"))
        profile = client.get("/entities/mara-velden").json()
        assert profile["article_count"] == first["article_count"] + 1
        assert len(client.get("/rounds").json()) == len(rounds) + 1
        assert len(client.get("/timeline").json()["events"]) == len(timeline["events"]) + 1
        assert sorted(a["id"] for a in client.get("/articles").json()) == ["a-1", "a-2"]
