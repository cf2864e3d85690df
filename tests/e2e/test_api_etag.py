"""Read answers carry an ETag of the answer and the question; If-None-Match makes an
unchanged answer a 304."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.cache import RevisionCache
from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.worlds import api_client, api_settings

URLS = [
    "/timeline",
    "/rounds",
    "/rounds/talks-lorvik-2031-03-04/attendees",
    "/entities?q=velden",
    "/entities/mara-velden",
    "/events/talks-lorvik-2031-03-04",
    "/events/talks-lorvik-2031-03-04/chain",
    "/graph/neighbourhood?id=mara-velden",
    "/articles",
    "/articles/a-1",
    "/claims?subject=mara-velden&object=talks-lorvik-2031-03-04",
]


@pytest.mark.parametrize("cache_mb", [64, 0], ids=["cached", "uncached"])
def test_every_read_answers_304_while_the_graph_is_unchanged(
    store: GraphStore, graph_settings: ApiSettings, cache_mb: int
) -> None:
    store.write_article(talks_article("a-1"))
    settings = api_settings(graph_settings).model_copy(update={"kg_cache_mb": cache_mb})
    with api_client(settings) as client:
        for url in URLS:
            first = client.get(url)
            assert first.status_code == 200, url
            tag = first.headers["etag"]
            assert tag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
            again = client.get(url, headers={"If-None-Match": tag})
            assert again.status_code == 304, url
            assert again.content == b"" and again.headers["etag"] == tag


def test_a_write_changes_the_tag_and_the_old_one_gets_the_new_answer(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    store.write_article(talks_article("a-1"))
    with api_client(api_settings(graph_settings)) as client:
        first = client.get("/articles")
        tag = first.headers["etag"]
        assert client.get("/timeline").headers["etag"] != tag  # one tag per question
        store.write_article(talks_article("a-2", city="Sarn"))
        after = client.get("/articles", headers={"If-None-Match": tag})
        assert after.status_code == 200
        assert after.headers["etag"] != tag
        assert len(after.json()["items"]) == len(first.json()["items"]) + 1
        assert client.get("/articles", headers={"If-None-Match": tag}).status_code == 200
        new = after.headers["etag"]
        assert client.get("/articles", headers={"If-None-Match": new}).status_code == 304


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("{tag}", 304),
        ("{bare}", 304),  # weak comparison: W/ or not, the same tag
        ('"other", {tag}', 304),
        ("*", 304),
        ('"other"', 200),
        ('W/"', 200),
        ("", 200),
    ],
)
def test_if_none_match_is_compared_as_rfc_9110_says(
    store: GraphStore, graph_settings: ApiSettings, header: str, status: int
) -> None:
    store.write_article(talks_article("a-1"))
    with api_client(api_settings(graph_settings)) as client:
        tag = client.get("/entities/mara-velden").headers["etag"]
        value = header.format(tag=tag, bare=tag.removeprefix("W/"))
        r = client.get("/entities/mara-velden", headers={"If-None-Match": value})
        assert r.status_code == status
        if status == 200:
            assert r.json()["id"] == "mara-velden"


def test_a_304_skips_the_answer_and_errors_carry_no_tag(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    store.write_article(talks_article("a-1"))
    with api_client(api_settings(graph_settings)) as client:
        cache: RevisionCache = client.app.state.cache  # type: ignore[attr-defined]
        tag = client.get("/entities/mara-velden").headers["etag"]
        hits, misses = cache.hits, cache.misses
        for _ in range(3):
            client.get("/entities/mara-velden", headers={"If-None-Match": tag})
        assert (cache.hits, cache.misses) == (hits, misses)
        missing = client.get("/entities/nobody", headers={"If-None-Match": tag})  # another's
        assert missing.status_code == 404 and "etag" not in missing.headers


def test_the_spec_documents_the_304(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        if get is None or path in {"/health", "/ready"}:
            continue
        assert "If-None-Match" in get["responses"]["304"]["description"], path
        assert "ETag" in get["responses"]["304"]["headers"], path
