"""The load test: concurrent clients over the read endpoints, memory of API and database watched.

    python -m scripts.loadtest --events 10000 --clients 8 --seconds 60 --workdir /tmp/kg-load

Builds a graph of at least `--events` events (facts straight from the corpus generator, no
extraction), serves it with `kg serve` on loopback, warms up, then runs `--clients` threads,
each on one keep-alive connection, over the read endpoints for `--seconds` (or until
`--max-requests`). Every answer must be a 200. The resident memory of the API process and of
the embedded database server is sampled every second; the run passes when neither grew by
more than `--max-growth` (fraction) from the first to the last quarter of the run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import logging
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import quote

from bench.facts import iter_event_facts
from graph import embedded
from graph.cypher.queries import ReadQuery
from graph.embedded import free_port
from graph.models import EventKind
from graph.settings import Settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parents[1]

log = logging.getLogger("loadtest")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def build_graph(store: GraphStore, events: int, seed: int) -> float:
    """Writes facts of at least `events` events; returns the seconds taken."""
    started = time.monotonic()
    facts = iter_event_facts(events, seed)
    while batch := list(islice(facts, 64)):
        store.write_articles(batch)  # each batch relinks the rounds it touches
    return time.monotonic() - started


def read_paths(store: GraphStore, seed: int) -> list[str]:
    """A mix of read requests over ids that exist in the graph."""
    rnd = random.Random(seed)

    # The catalog's export queries (GraphStore.read runs no other): the first ids in order.
    by_id = {
        q: sorted(store.read(q), key=lambda r: str(r["id"]))
        for q in (ReadQuery.EXPORT_ENTITIES, ReadQuery.EXPORT_EVENTS, ReadQuery.EXPORT_ARTICLES)
    }
    entities = [r["id"] for r in by_id[ReadQuery.EXPORT_ENTITIES][:200]]
    events = [r["id"] for r in by_id[ReadQuery.EXPORT_EVENTS][:500]]
    rounds = [r["id"] for r in by_id[ReadQuery.EXPORT_EVENTS] if r["kind"] == EventKind.TALKS]
    rounds = rounds[:200]
    articles = [r["id"] for r in by_id[ReadQuery.EXPORT_ARTICLES][:500]]
    names = [r["name"] for r in by_id[ReadQuery.EXPORT_ENTITIES][:100]]
    paths = [
        "/timeline?limit=50",
        "/timeline?kind=talks&limit=50",
        "/rounds",
        "/articles",
        "/entities?limit=20",
        "/timeline?from=2024-06-01&to=2024-12-31&limit=100",
    ]
    for _ in range(300):
        e, v = quote(rnd.choice(entities), safe=""), quote(rnd.choice(events), safe="")
        paths += [
            f"/entities/{e}",
            f"/events/{v}",
            f"/events/{v}/chain?depth=3",
            f"/graph/neighbourhood?id={e}&depth=1&limit=100",
            f"/timeline?actor={e}&limit=20",
            f"/entities?q={quote(rnd.choice(names).split()[0])}",
            f"/articles/{quote(rnd.choice(articles), safe='')}",
        ]
        if rounds:
            paths.append(f"/rounds/{quote(rnd.choice(rounds), safe='')}/attendees")
    rnd.shuffle(paths)
    return paths


class Run:
    """Shared state of the client threads."""

    def __init__(self, deadline: float, max_requests: int) -> None:
        self.deadline = deadline
        self.max_requests = max_requests
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def take(self) -> bool:
        with self.lock:
            return time.monotonic() < self.deadline and len(self.latencies) < self.max_requests

    def record(self, ms: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(ms)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def client(port: int, paths: list[str], offset: int, run: Run) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = offset
    while run.take():
        path = paths[i % len(paths)]
        i += 1
        started = time.perf_counter()
        error = None
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                error = f"{response.status} {path.split('?')[0]}"
        except (OSError, http.client.HTTPException) as e:
            error = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        run.record((time.perf_counter() - started) * 1000, error)
    conn.close()


def drive(
    port: int,
    paths: list[str],
    clients: int,
    seconds: float,
    max_requests: int,
    pids: dict[str, int],
) -> dict[str, Any]:
    """Runs the clients and samples memory every second; the figures of the run."""
    run = Run(time.monotonic() + seconds, max_requests)
    threads = [
        threading.Thread(target=client, args=(port, paths, k * 97, run)) for k in range(clients)
    ]
    samples: dict[str, list[float]] = {name: [] for name in pids}
    started = time.monotonic()
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        for name, pid in pids.items():
            samples[name].append(rss_mb(pid))
        time.sleep(1)
    elapsed = time.monotonic() - started
    ms = sorted(run.latencies)
    memory = {}
    for name, series in samples.items():
        quarter = max(1, len(series) // 4)
        first, last = statistics.mean(series[:quarter]), statistics.mean(series[-quarter:])
        memory[name] = {
            "first_quarter_mb": round(first),
            "last_quarter_mb": round(last),
            "max_mb": round(max(series)),
            "growth": round(last / first - 1, 3),
        }
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(ms),
        "requests_per_s": round(len(ms) / elapsed, 1),
        "errors": run.errors,
        "p50_ms": round(ms[len(ms) // 2], 1),
        "p95_ms": round(ms[int(len(ms) * 0.95)], 1),
        "p99_ms": round(ms[int(len(ms) * 0.99)], 1),
        "memory": memory,
    }


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"`kg serve` exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/ready")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("the API did not become ready")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    # The database server sizes its Java heap during its first minute of queries after the
    # graph is built; memory is compared after that.
    parser.add_argument("--warm-up", type=float, default=30)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--max-growth", type=float, default=0.10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", default="/tmp/kg-load")
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="REGEX",
        help="leave out request paths matching REGEX (repeatable)",
    )
    parser.add_argument("--report", help="write the figures as JSON to this file")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    data = Path(args.workdir).resolve() / "data"
    shutil.rmtree(data, ignore_errors=True)
    settings = Settings(
        kg_data_dir=data, kg_bolt_port=free_port(), kg_http_port=free_port(), _env_file=None
    )
    info = embedded.start(data, settings.kg_bolt_port, settings.kg_http_port)
    api: subprocess.Popen[bytes] | None = None
    try:
        with GraphStore.connect(settings) as store:
            store.ensure_schema()
            build_seconds = build_graph(store, args.events, args.seed)
            counts = store.counts()
            paths = [
                p
                for p in read_paths(store, args.seed)
                if not any(re.search(x, p) for x in args.exclude)
            ]
        log.info("graph built in %.0f s: %s", build_seconds, counts)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
        env.update(
            KG_DATA_DIR=str(data),
            KG_BOLT_PORT=str(settings.kg_bolt_port),
            KG_HTTP_PORT=str(settings.kg_http_port),
        )
        api = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(port)],
            env=env,
            cwd=REPO,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_ready(port, api)
        pids = {"api": api.pid, "database": info.pid}
        drive(port, paths, args.clients, args.warm_up, args.max_requests, pids)
        report = drive(port, paths, args.clients, args.seconds, args.max_requests, pids)
    finally:
        if api is not None:
            os.killpg(api.pid, signal.SIGTERM)
            api.wait(timeout=30)
        embedded.stop(data)
    report.update(
        events=counts["Event"],
        graph=counts,
        build_seconds=round(build_seconds),
        distinct_paths=len(set(paths)),
        excluded=args.exclude,
    )
    text = json.dumps(report, indent=1)
    sys.stdout.write(text + "\n")
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    grew = [n for n, m in report["memory"].items() if m["growth"] > args.max_growth]
    if report["errors"] or grew:
        log.error("FAILED: errors %s, memory grew in %s", report["errors"], grew)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
