"""Costly answers are reused while the graph is unchanged and recomputed after a write that can
change them (tests/e2e/test_api_cache_scope.py: which ones)."""

from __future__ import annotations

import functools

from api.cache import RevisionCache
from api.settings import ApiSettings
from graph.reads import read_revision
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.worlds import api_client, api_settings


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
    cache = RevisionCache(max_bytes=8)
    calls: list[str] = []

    def compute(tag: str) -> bytes:
        calls.append(tag)
        return f"{tag}{len(calls)}".encode()

    assert cache.body(store, "k", lambda: compute("k")) == b"k1"
    assert cache.body(store, "k", lambda: compute("k")) == b"k1"
    assert (cache.hits, cache.misses) == (1, 1)
    store.write_article(talks_article("a-2", city="Sarn"))
    assert cache.body(store, "k", lambda: compute("k")) == b"k2"
    for key in ("w", "x", "y", "z"):
        cache.body(store, key, functools.partial(compute, key))
    assert (len(cache), cache.size) == (4, 8)  # bounded: the least recently used went first
    assert cache.body(store, "k", lambda: compute("k")) == b"k7"
    assert cache.body(store, "big", lambda: b"xxx") == b"xxx"  # over a quarter: not kept
    assert cache.body(store, "big", lambda: b"yyy") == b"yyy"
    assert cache.size <= cache.max_bytes


def test_a_cache_of_no_bytes_keeps_nothing(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    cache = RevisionCache(max_bytes=0)
    assert cache.body(store, "k", lambda: b"one") == b"one"
    assert cache.body(store, "k", lambda: b"two") == b"two"
    assert (len(cache), cache.hits) == (0, 0)


def test_api_profile_rounds_articles_and_timeline_follow_writes(
    store: GraphStore, graph_settings: ApiSettings
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
        assert [a["id"] for a in articles["items"]] == ["a-1"]

        store.write_article(talks_article("a-2", city="Sarn"))
        profile = client.get("/entities/mara-velden").json()
        assert profile["article_count"] == first["article_count"] + 1
        assert len(client.get("/rounds").json()["items"]) == len(rounds["items"]) + 1
        assert len(client.get("/timeline").json()["items"]) == len(timeline["items"]) + 1
        assert sorted(a["id"] for a in client.get("/articles").json()["items"]) == ["a-1", "a-2"]


READ_URLS = [
    "/timeline",
    "/timeline?from=2031-03-01&kind=talks&limit=1",
    "/rounds",
    "/rounds/talks-lorvik-2031-03-04/attendees",
    "/entities?q=velden",
    "/entities/mara-velden",
    "/events/talks-lorvik-2031-03-04",
    "/events/talks-lorvik-2031-03-04/chain?depth=2",
    "/graph/neighbourhood?id=mara-velden&types=ATTENDED,MEMBER_OF",
    "/articles",
    "/articles/a-1",
]


def test_every_read_answers_from_the_cache_as_it_would_without(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", city="Sarn", delegate="Ilse Maren"))
    without = api_settings(graph_settings).model_copy(update={"kg_cache_mb": 0})
    with api_client(without) as client:
        expected = {u: client.get(u) for u in READ_URLS}
    with api_client(api_settings(graph_settings)) as client:
        cache: RevisionCache = client.app.state.cache  # type: ignore[attr-defined]
        for url in READ_URLS:
            first, again = client.get(url), client.get(url)
            assert first.status_code == again.status_code == 200, url
            assert first.json() == again.json() == expected[url].json(), url
            assert first.headers["content-type"] == expected[url].headers["content-type"]
        assert (cache.misses, cache.hits) == (len(READ_URLS), len(READ_URLS))
        assert client.get("/entities/no-such-entity").status_code == 404
        assert client.get("/events/no-such-event/chain").status_code == 404
        assert len(cache) == len(READ_URLS)  # answers that failed are not kept
