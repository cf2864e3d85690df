"""The busiest entities' profiles and the first page of rounds are ready before anyone asks."""

from __future__ import annotations

import time

from api.cache import RevisionCache
from api.precompute import Precomputer, precompute
from api.settings import ApiSettings
from graph.reads import read_revision
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.worlds import api_client, api_settings

SETTLED_WITHIN = 30.0  # seconds a test waits for the background thread, at most


def _write_rounds(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", city="Sarn", delegate="Ilse Maren"))
    store.write_article(talks_article("a-3", city="Tolm"))


def test_precompute_fills_the_cache_for_the_busiest_entities(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    _write_rounds(store)
    cache = RevisionCache()
    assert precompute(cache, store, entities=1) == 2  # the rounds page and one profile
    with api_client(api_settings(graph_settings)) as client:
        client.app.state.cache = cache  # type: ignore[attr-defined]
        # Northland is in every article; Mara Velden in two of them.
        client.get("/entities/northland")
        client.get("/rounds")
        assert (cache.hits, cache.misses) == (2, 2)
        client.get("/entities/mara-velden")
        assert cache.misses == 3


def test_the_server_precomputes_once_the_graph_settles(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    _write_rounds(store)
    settings = api_settings(graph_settings, kg_precompute_entities=5)
    with api_client(settings) as client:
        precomputer: Precomputer = client.app.state.precomputer  # type: ignore[attr-defined]
        precomputer.settle, precomputer.poll = 0.2, 0.05
        deadline = time.monotonic() + SETTLED_WITHIN
        while precomputer.done_for != read_revision(store) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert precomputer.done_for == read_revision(store)
        cache: RevisionCache = client.app.state.cache  # type: ignore[attr-defined]
        before = cache.hits
        profile = client.get("/entities/mara-velden").json()
        assert cache.hits == before + 1
        assert profile["article_count"] == 2

        store.write_article(talks_article("a-4", city="Vell"))  # a change: computed again
        deadline = time.monotonic() + SETTLED_WITHIN
        while precomputer.done_for != read_revision(store) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert precomputer.done_for == read_revision(store)
        assert client.get("/entities/mara-velden").json()["article_count"] == 3
        assert cache.hits == before + 2


def test_no_precompute_without_a_cache(store: GraphStore, graph_settings: ApiSettings) -> None:
    _write_rounds(store)
    settings = api_settings(graph_settings, kg_precompute_entities=5, kg_cache_mb=0)
    with api_client(settings) as client:
        precomputer: Precomputer = client.app.state.precomputer  # type: ignore[attr-defined]
        assert not precomputer.running
