"""A write drops only the cached answers it can change: every answer kept through a write is the
one a server without a cache gives, and answers a write cannot change stay cached."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Sequence
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.cache import CACHE_HEADER, RevisionCache
from api.settings import ApiSettings
from bench.facts import iter_facts
from graph.models import (
    Article,
    ArticleFacts,
    DatePrecision,
    Entity,
    EntityType,
    Event,
    EventKind,
)
from graph.reads.changes import read_head, read_path
from graph.store import GraphStore
from tests.support.factories import evidence, talks_article
from tests.support.worlds import api_client, api_settings

ARTICLES = 48  # generated articles written before the questions are asked
SAMPLE = 6  # questions of each kind


def _q(value: str) -> str:
    return quote(value, safe="")


def sample_urls(client: TestClient, seed: int = 5) -> list[str]:
    """Questions of every cached kind about the graph, picked through the API."""
    rng = random.Random(seed)
    timeline = client.get("/timeline?limit=200").json()["items"]
    rounds = client.get("/rounds?limit=200").json()["items"]
    events = rng.sample(timeline, min(SAMPLE, len(timeline)))
    days = sorted({e["date"] for e in timeline if e["date"]})
    entities = sorted({p["id"] for e in timeline for p in e["participants"]})
    names = sorted({p["name"].split()[-1] for e in timeline for p in e["participants"]})
    articles = client.get("/articles?limit=50").json()["items"]
    picks = {
        "days": rng.sample(days, min(SAMPLE, len(days))),
        "entities": rng.sample(entities, min(SAMPLE, len(entities))),
        "names": rng.sample(names, min(SAMPLE, len(names))),
    }
    urls = ["/timeline", "/timeline?limit=5", "/rounds", "/articles", "/articles?limit=5"]
    urls += ["/entities", "/entities?q=zzqx", "/search?q=talks"]
    for d in picks["days"]:
        urls += [f"/timeline?from={d}&limit=10", f"/timeline?to={d}&limit=10"]
        urls += [f"/rounds?from={d}&limit=10", f"/timeline?from={d}&standing=confirmed&limit=5"]
    for i in picks["entities"]:
        urls += [f"/entities/{_q(i)}", f"/entities/{_q(i)}/events?limit=5"]
        urls += [f"/entities/{_q(i)}/relations?limit=5", f"/entities/{_q(i)}/articles?limit=5"]
        urls += [f"/timeline?actor={_q(i)}&limit=10", f"/graph/neighbourhood?id={_q(i)}"]
    for name in picks["names"]:
        urls += [f"/entities?q={_q(name)}", f"/entities?q={_q(name[:3])}"]
        urls += [f"/events?q={_q(name)}", f"/search?q={_q(name)}"]
    for e in events:
        urls += [f"/events/{_q(e['id'])}", f"/events/{_q(e['id'])}/chain?depth=3"]
        urls += [f"/events/{_q(e['id'])}/relations", f"/graph/neighbourhood?id={_q(e['id'])}"]
        for p in e["participants"][:1]:
            urls.append(f"/claims?subject={_q(p['id'])}&object={_q(e['id'])}")
    for r in rng.sample(rounds, min(SAMPLE, len(rounds))):
        urls.append(f"/rounds/{_q(r['id'])}/attendees")
    for a in rng.sample(articles, min(SAMPLE, len(articles))):
        urls += [f"/articles/{_q(a['id'])}", f"/articles/{_q(a['id'])}/text"]
    return list(dict.fromkeys(urls))


@pytest.fixture
def generated(store: GraphStore) -> list[ArticleFacts]:
    """Generated articles, the first ARTICLES of them written."""
    facts = list(iter_facts(ARTICLES + 8, seed=7))
    for i in range(0, ARTICLES, 16):
        store.write_articles(facts[i : i + 16])
    return facts


def _changed(facts: ArticleFacts) -> ArticleFacts:
    """The same article with another text: written, it replaces what the article stated."""
    text = facts.article.text + " A correction followed."
    article = facts.article.model_copy(update={"text": text, "content_hash": f"x{hash(text)}"})
    return facts.model_copy(update={"article": article, "events": facts.events[1:]})


def _compare(cached: TestClient, fresh: TestClient, urls: Sequence[str]) -> int:
    """Asks every URL of both servers; the answers must be equal. Returns the cache's hits."""
    hits = 0
    for url in urls:
        mine, truth = cached.get(url), fresh.get(url)
        assert mine.status_code == truth.status_code, url
        if truth.status_code == 200:
            assert mine.json() == truth.json(), url
            hits += mine.headers.get(CACHE_HEADER) == "hit"
    return hits


def test_answers_kept_through_writes_are_the_fresh_ones(
    store: GraphStore, graph_settings: ApiSettings, generated: list[ArticleFacts]
) -> None:
    settings = api_settings(graph_settings)
    uncached = settings.model_copy(update={"kg_cache_mb": 0})
    with api_client(settings) as cached, api_client(uncached) as fresh:
        urls = sample_urls(fresh)
        assert len(urls) > 100
        _compare(cached, fresh, urls)
        writes: list[Callable[[], object]] = [
            lambda: store.write_article(generated[ARTICLES]),
            lambda: store.write_articles(generated[ARTICLES + 1 : ARTICLES + 4]),
            lambda: store.write_article(_changed(generated[10])),
            lambda: store.delete_article(generated[20].article.id),
            lambda: store.write_article(generated[ARTICLES + 5]),
        ]
        kept = []
        for write in writes:
            write()
            kept.append(_compare(cached, fresh, urls))
        cache: RevisionCache = cached.app.state.cache  # type: ignore[attr-defined]
        assert cache.kept > 0 and all(k > 0 for k in kept), kept


def _elsewhere(article_id: str) -> ArticleFacts:
    """An article about other people, at another place and time than talks_article's."""
    text = "Ode Rask was killed in Harrow on Monday."
    ev = evidence(article_id, text, text)
    return ArticleFacts(
        article=Article(
            id=article_id,
            title="Killing in Harrow",
            source="Other Wire",
            published="2033-06-02",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        entities=(
            Entity(id="ode-rask", type=EntityType.PERSON, name="Ode Rask", evidence=(ev,)),
            Entity(id="harrow", type=EntityType.PLACE, name="Harrow", evidence=(ev,)),
        ),
        events=(
            Event(
                id="killing-harrow-2033-06-01",
                kind=EventKind.KILLING,
                label="Killing in Harrow",
                date="2033-06-01",
                date_precision=DatePrecision.DAY,
                place_id="harrow",
                evidence=(ev,),
            ),
        ),
    )


def test_an_unrelated_write_keeps_answers_and_their_tags(
    store: GraphStore, graph_settings: ApiSettings
) -> None:
    store.write_article(talks_article("a-1"))
    kept = [
        "/events/talks-lorvik-2031-03-04",
        "/entities/mara-velden",
        "/articles/a-1",
        "/timeline?to=2031-12-31",
        "/entities?q=velden",
    ]
    dropped = ["/timeline", "/articles", "/entities", "/timeline?from=2033-01-01"]
    with api_client(api_settings(graph_settings)) as client:
        tags = {url: client.get(url).headers["etag"] for url in kept + dropped}
        store.write_article(_elsewhere("b-1"))
        for url in kept:
            assert client.get(url).headers[CACHE_HEADER] == "hit", url
            again = client.get(url, headers={"If-None-Match": tags[url]})
            assert again.status_code == 304 and again.headers["etag"] == tags[url], url
        for url in dropped:
            again = client.get(url, headers={"If-None-Match": tags[url]})
            assert again.status_code == 200 and again.headers["etag"] != tags[url], url
            assert again.headers[CACHE_HEADER] == "miss", url
        assert "killing-harrow-2033-06-01" in client.get("/timeline").text


def test_the_changes_lead_from_one_revision_to_the_next(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    start = read_head(store)
    store.write_article(talks_article("a-2", city="Sarn"))
    store.write_article(talks_article("a-2", city="Sarn"))  # unchanged: nothing recorded
    middle = read_head(store)
    assert middle.seq == (start.seq or 0) + 1
    change = read_path(store, start, middle)
    assert change is not None and not change.wide
    assert change.articles == {"a-2"}
    assert {"talks-sarn-2031-03-04"} <= change.events and "northland" in change.entities
    assert change.moved == {"2031-03-04"} and change.members
    assert any("velden" in k for k in change.keys)
    store.delete_article("a-2")
    deleted = read_path(store, middle, read_head(store))
    assert deleted is not None and deleted.articles == {"a-2"}
    assert "talks-sarn-2031-03-04" in deleted.events
    store.derive_sequences()  # records nothing: no path from before it
    assert read_path(store, middle, read_head(store)) is None
