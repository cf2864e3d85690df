"""Ingest end to end, batched against row-at-a-time writes, and HTTP query latency at scale.

Every figure is measured on the benchmark's own embedded database (a data folder of its own,
fresh ports), never on the user's graph.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import resource
import time
from collections.abc import Iterable, Sequence
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.facts import articles_for_events, event_facts, iter_event_facts
from bench.http_load import (
    ask_each,
    get_json,
    post_json,
    run_floor,
    run_load,
    run_once,
    summarise,
)
from bench.servers import peak_rss_mb, run_api, run_database
from bench.world import build_world
from graph import embedded
from graph.models import ArticleFacts
from graph.reads.run import run_read
from graph.store import GraphStore
from graph.writes import ArticleRows, build_rows, write_rows
from loaders.pipeline import load_paths

log = logging.getLogger(__name__)

BATCH = 64
BUSIEST = 10  # the busiest entities, whose profiles `kg serve` precomputes
REPEATED = 20  # URLs per endpoint asked again and again (answered from the API's cache)
AFTER_POST_URLS = 400  # cached questions asked again after one article is posted
POST_KEY = "bench-" + "k" * 26  # the API key of the benchmark's own server
ROW_KINDS = ("articles", "entities", "events", "issues", "participants", "places", "evidence")


def rows_of(facts: Iterable[ArticleFacts]) -> int:
    """Rows (node and edge merges) the facts make."""
    return sum(build_rows(f).count for f in facts)


def measure_ingest(
    store: GraphStore, files: Sequence[Path], manifest: Path, workers: int, words: int
) -> dict[str, Any]:
    """Load the corpus into an emptied graph with `workers` processes; rates and split."""
    store.delete_all()
    started = time.perf_counter()
    report = load_paths(files, store, manifest=manifest, workers=workers, batch_size=BATCH)
    seconds = time.perf_counter() - started
    n = len(report.loaded)
    return {
        "workers": workers,
        "articles": n,
        "failed": len(report.failed),
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2),
        "words_per_s": round(words / seconds),
        "extract_seconds": round(report.extract_seconds, 3),
        "write_seconds": round(report.write_seconds, 3),
    }


def _single_rows(rows: ArticleRows) -> Iterable[ArticleRows]:
    for kind in ROW_KINDS:
        for row in getattr(rows, kind):
            one = ArticleRows()
            getattr(one, kind).append(row)
            yield one
    for key, batch in sorted(rows.relations.items()):
        for row in batch:
            one = ArticleRows()
            one.relations[key].append(row)
            yield one


def measure_writes(
    store: GraphStore, facts: Sequence[ArticleFacts], max_single: int
) -> dict[str, Any]:
    """Rows/s of batched writes (BATCH articles a transaction) against one row a transaction."""
    store.delete_all()
    rows = rows_of(facts)
    started = time.perf_counter()
    for i in range(0, len(facts), BATCH):
        store.write_articles(facts[i : i + BATCH])
    batched_s = time.perf_counter() - started
    store.delete_all()
    merged = ArticleRows()
    for f in facts:
        build_rows(f, into=merged)
    singles = list(islice(_single_rows(merged), max_single))
    started = time.perf_counter()
    for one in singles:
        store.write(partial(write_rows, rows=one))
    single_s = time.perf_counter() - started
    batched = rows / batched_s
    single = len(singles) / single_s
    return {
        "articles": len(facts),
        "rows": rows,
        "batched_rows_per_s": round(batched),
        "batched_seconds": round(batched_s, 3),
        "single_rows": len(singles),
        "single_rows_per_s": round(single, 1),
        "batched_over_single": round(batched / single, 1),
    }


def build_graph(store: GraphStore, events: int, seed: int) -> dict[str, Any]:
    """Write the dispatches of a world of about `events` events in batches; time and rows."""
    store.delete_all()
    started = time.perf_counter()
    rows = articles = 0
    batch: list[ArticleFacts] = []
    for facts in iter_event_facts(events, seed):
        batch.append(facts)
        if len(batch) == BATCH * 4:
            rows += rows_of(batch)
            articles += len(batch)
            store.write_articles(batch)
            batch = []
    if batch:
        rows += rows_of(batch)
        articles += len(batch)
        store.write_articles(batch)
    seconds = time.perf_counter() - started
    return {
        "articles": articles,
        "rows": rows,
        "seconds": round(seconds, 1),
        "rows_per_s": round(rows / seconds),
        "counts": store.counts(),
    }


def items_of(answer: Any, key: str | None = None) -> list[Any]:
    """The rows of a list answer: a bare list, a page (`items`) or a field of an object."""
    if isinstance(answer, list):
        return answer
    if "items" in answer:
        return list(answer["items"])
    return list(answer[key]) if key is not None else []


def spread_days(host: str, port: int, rng: random.Random, count: int) -> list[str]:
    """Up to `count` distinct days drawn evenly between the first event and the newest
    article, where an analyst might open a page."""
    first = items_of(get_json(host, port, "/timeline?limit=1"), "events")
    newest = items_of(get_json(host, port, "/articles?limit=1"))
    if not first or not first[0]["date"] or not newest or not newest[0]["published"]:
        return []
    start = dt.date.fromisoformat(first[0]["date"])
    span = (dt.date.fromisoformat(newest[0]["published"]) - start).days + 1
    offsets = rng.sample(range(max(span, 1)), min(count, max(span, 1)))
    return [(start + dt.timedelta(days=o)).isoformat() for o in offsets]


def sample_paths(
    host: str, port: int, seed: int, count: int, busiest: Sequence[str] = ()
) -> dict[str, list[str]]:
    """Up to `count` distinct request paths per endpoint, for ids sampled from the graph through
    the API itself, and the profiles of the `busiest` entities."""
    rng = random.Random(seed)
    rounds = items_of(get_json(host, port, "/rounds?limit=1000"))
    round_ids = [r["id"] for r in rounds]
    dates = spread_days(host, port, rng, count)
    events: list[dict[str, Any]] = []
    for date in rng.sample(dates, min(8, len(dates))):
        events += items_of(get_json(host, port, f"/timeline?from={date}&limit=100"), "events")
    entity_ids = sorted({p["id"] for e in events for p in e["participants"]} - set(busiest))
    event_ids = sorted({e["id"] for e in events})
    words = sorted({p["name"].split()[-1] for e in events for p in e["participants"]})

    def q(value: str) -> str:  # ids and names as URL parts
        return quote(value, safe="")

    def pick(values: Sequence[str]) -> list[str]:
        return rng.sample(list(values), min(count, len(values)))

    return {
        "timeline page": ["/timeline"] + [f"/timeline?from={d}&limit=50" for d in pick(dates)],
        "rounds": ["/rounds?limit=200"] + [f"/rounds?limit=200&from={d}" for d in pick(dates)],
        "roll call": [f"/rounds/{q(i)}/attendees" for i in pick(round_ids)],
        "entity search": [f"/entities?q={q(w)}" for w in pick(words)],
        "busiest entity profiles": [f"/entities/{q(i)}" for i in busiest],
        "entity profile": [f"/entities/{q(i)}" for i in pick(entity_ids)],
        "event profile": [f"/events/{q(i)}" for i in pick(event_ids)],
        "event chain depth 5": [f"/events/{q(i)}/chain?depth=5" for i in pick(round_ids)],
        "neighbourhood": [f"/graph/neighbourhood?id={q(i)}" for i in pick(event_ids)],
        "articles": [f"/articles?limit=50&offset={50 * k}" for k in range(min(count, 20))],
    }


def measure_queries(
    host: str, port: int, requests: int, seed: int, busiest: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Per endpoint: latency and throughput of questions asked for the first time (the API's
    cache cannot answer them) and of repeated ones (it can), and the in-memory floor.

    Of each endpoint's distinct URLs, the last is asked once to warm up; of the others, up to
    `requests` are asked once by 1 client and up to `requests` more once by 8 clients; then the
    first REPEATED of them are asked again, `requests` times by 1 client and twice as many
    times by 8.
    """
    paths = sample_paths(host, port, seed, 2 * requests, busiest)
    rows: list[dict[str, Any]] = []
    for endpoint, all_urls in paths.items():
        if not all_urls:
            continue
        get_json(host, port, all_urls[-1])
        urls = all_urls[:-1] or all_urls
        half = max(1, min(requests, (len(urls) + 1) // 2))
        first = run_once(host, port, urls[:half], clients=1)
        first_eight = run_once(host, port, urls[half:], clients=8)
        repeated = urls[:half][:REPEATED]
        answers = {u: get_json(host, port, u) for u in repeated}
        one = run_load(host, port, repeated, clients=1, requests=requests, seed=seed)
        eight = run_load(host, port, repeated, clients=8, requests=requests * 2, seed=seed)
        floor = run_floor(answers, repeated, requests)
        rows.append(
            {
                "endpoint": endpoint,
                "example": urls[0],
                "urls": urls,
                "uncached_one_client": first,
                "uncached_eight_clients": first_eight,
                "one_client": one,
                "eight_clients": eight,
                "in_memory_floor": floor,
                "p50_over_floor": round(one["p50_ms"] / max(floor["p50_ms"], 1e-6), 1),
            }
        )
    return rows


def measure_scale(events: int, data_dir: Path, requests: int, seed: int) -> dict[str, Any]:
    """Build a graph of about `events` events in `data_dir`, serve it and measure queries,
    then post one article and measure how many cached answers survive it."""
    with run_database(data_dir) as (settings, store, db_pid):
        built = build_graph(store, events, seed)
        busiest = [r["id"] for r in run_read(store, "read_busiest_entities", limit=BUSIEST)]
        with run_api(settings, api_key=POST_KEY) as (host, port, api_pid):
            queries = measure_queries(host, port, requests, seed, busiest)
            asked = [q["urls"] for q in queries]
            after_post = measure_after_post(host, port, asked, post_body(events, seed), seed)
            api_mb = peak_rss_mb(api_pid)
        db_mb = peak_rss_mb(db_pid)
    for q in queries:
        del q["urls"]
    return {
        "events": built["counts"].get("Event", 0),
        "graph": built,
        "queries": queries,
        "after_post": after_post,
        "peak_mb": {"api": round(api_mb), "database": round(db_mb)},
        "disk_mb": round(embedded.data_size(data_dir) / 1e6, 1),
    }


def measure_after_post(
    host: str, port: int, asked: Sequence[Sequence[str]], body: dict[str, Any], seed: int
) -> dict[str, Any]:
    """Post one article to the served graph, then ask again the questions asked before it.

    Up to AFTER_POST_URLS of the URLs already asked (dealt evenly across endpoints) are asked
    once to check they are cached, one article is posted (extracted and written by the API),
    and the same URLs are asked once each again by 1 client: the share answered from the cache
    (the `X-KG-Cache` header) and the latency of the first 100 of them."""
    rng = random.Random(seed)
    per = max(1, AFTER_POST_URLS // max(1, len(asked)))
    urls = list(dict.fromkeys(u for group in asked for u in list(group)[:per]))
    rng.shuffle(urls)
    before = ask_each(host, port, urls)
    started = time.perf_counter()
    status = post_json(host, port, "/articles", body, POST_KEY)
    post_ms = (time.perf_counter() - started) * 1000
    after = ask_each(host, port, urls)
    first = sorted(ms for ms, _ in after[:100])
    return {
        "urls": len(urls),
        "post_status": status,
        "post_ms": round(post_ms, 1),
        "cached_before_post": round(sum(hit for _, hit in before) / max(1, len(before)), 3),
        "cached_after_post": round(sum(hit for _, hit in after) / max(1, len(after)), 3),
        "next_100": summarise(first, 0, sum(first) / 1000),
    }


def post_body(events: int, seed: int) -> dict[str, Any]:
    """One new dispatch about an event of the graph's world, as POST /articles takes it."""
    world = build_world(seed, articles_for_events(events))
    facts = event_facts(world, len(world.events) // 2)
    return {
        "id": "bench-post-1",
        "text": facts.article.text + " Officials confirmed the account on Friday.",
        "published": facts.article.published,
        "source": "Bench Wire",
    }


def loader_peak_mb() -> dict[str, float]:
    """Peak RSS of this process and of its largest finished child (worker, API or database)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"loader": round(own), "largest_child": round(children)}
