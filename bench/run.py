"""The benchmark: extraction against spaCy's own speed, ingest end to end with 1 and N workers,
batched against row-at-a-time writes, and HTTP query latency at each graph size asked for."""

from __future__ import annotations

import logging
import multiprocessing
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from bench.facts import iter_facts
from bench.generator import generate_corpus
from bench.scale import loader_peak_mb, measure_ingest, measure_scale, measure_writes
from bench.servers import peak_rss_mb, run_database
from graph.models import Article
from loaders.extract import extract_article
from loaders.nlp import load_pipeline
from loaders.sources import iter_articles

log = logging.getLogger(__name__)

CHUNK = 4  # articles sent to a worker at a time


def read_corpus(folder: Path) -> list[Article]:
    """The generated articles as the loaders read them (cleaned, with manifest metadata)."""
    found = iter_articles([folder], manifest=folder / "manifest.json")
    return [item for item in found if isinstance(item, Article)]


def _rate(stage: str, processes: int, seconds: float, articles: int, words: int) -> dict[str, Any]:
    seconds = max(seconds, 1e-9)
    return {
        "stage": stage,
        "processes": processes,
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
    }


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def count_facts(article: Article) -> int:
    """Extract one article and return how many facts came out (runs in workers)."""
    facts = extract_article(article)
    return len(facts.entities) + len(facts.events) + len(facts.relations)


def _warm_worker() -> None:
    load_pipeline()


def run_parallel(articles: Sequence[Article], workers: int) -> tuple[float, float, int]:
    """(start-up seconds, extraction seconds, facts) with `workers` warm processes."""
    context = multiprocessing.get_context("spawn")
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_warm_worker) as pool:
        list(pool.map(count_facts, articles[:workers]))  # every worker has loaded its pipeline
        warm = time.perf_counter()
        facts = sum(pool.map(count_facts, articles, chunksize=CHUNK))
        done = time.perf_counter()
    return warm - started, done - warm, facts


def run_benchmark(
    n_articles: int,
    seed: int = 1,
    workers: int = 2,
    events: Sequence[int] = (),
    requests: int = 200,
    single_rows: int = 2000,
) -> dict[str, Any]:
    """Generate `n_articles` synthetic articles and measure extraction on them; with `events`,
    also ingest, writes and queries on graphs of those sizes (each in its own database)."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        summary = generate_corpus(n_articles, seed, folder)
        articles = read_corpus(folder)
        report = measure_extraction(articles, seed, workers, summary.seconds)
        if events:
            report.update(
                measure_database(
                    folder, Path(tmp), report["words"], workers, events, requests, single_rows, seed
                )
            )
    report["peak_mb"] = {**report.get("peak_mb", {}), **loader_peak_mb()}
    return report


def measure_database(
    folder: Path,
    tmp: Path,
    words: int,
    workers: int,
    events: Sequence[int],
    requests: int,
    single_rows: int,
    seed: int,
) -> dict[str, Any]:
    """Ingest with 1 and N workers, batched and single-row writes, then queries per size."""
    files = sorted(folder.glob("syn-*.txt"))
    with run_database(tmp / "ingest-db") as (_settings, store, db_pid):
        ingest = [
            measure_ingest(store, files, folder / "manifest.json", w, words) for w in (1, workers)
        ]
        facts = list(iter_facts(min(len(files), 400), seed))
        writes = measure_writes(store, facts, single_rows)
        db_mb = peak_rss_mb(db_pid)
    speedup = ingest[0]["seconds"] / max(ingest[1]["seconds"], 1e-9)
    scales = [measure_scale(n, tmp / f"db-{n}", requests, seed) for n in events]
    return {
        "ingest": ingest,
        "ingest_speedup": round(speedup, 3),
        "writes": writes,
        "queries": scales,
        "peak_mb": {"ingest_database": round(db_mb)},
    }


def measure_extraction(
    articles: Sequence[Article], seed: int, workers: int, generate_seconds: float
) -> dict[str, Any]:
    """spaCy's nlp.pipe, then extraction with one and `workers` processes, on `articles`."""
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    n = len(articles)
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))  # warm-up
    spacy_s = _timed(lambda: list(nlp.pipe(texts)))
    facts_1: list[int] = []
    serial_s = _timed(lambda: facts_1.extend(count_facts(a) for a in articles))
    start_s, parallel_s, facts_n = run_parallel(articles, workers)
    runs = [
        _rate("spacy nlp.pipe (ceiling)", 1, spacy_s, n, words),
        _rate("extraction", 1, serial_s, n, words),
        _rate("extraction", workers, parallel_s, n, words),
    ]
    log.info("benchmarked %d articles: %s", n, runs)
    return {
        "articles": n,
        "words": words,
        "seed": seed,
        "workers": workers,
        "generate_seconds": round(generate_seconds, 3),
        "worker_start_seconds": round(start_s, 3),
        "facts": sum(facts_1),
        "facts_parallel": facts_n,
        "runs": runs,
        "parallel_speedup": round(serial_s / max(parallel_s, 1e-9), 3),
        "share_of_spacy_ceiling": round(spacy_s / max(serial_s, 1e-9), 3),
    }
