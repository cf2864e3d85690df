"""Latency and throughput of GET requests over HTTP keep-alive connections, from threads."""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time
from collections.abc import Sequence
from typing import Any


def percentile(sorted_ms: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) of sorted values, nearest rank."""
    if not sorted_ms:
        return 0.0
    rank = max(1, round(q / 100 * len(sorted_ms)))
    return sorted_ms[min(rank, len(sorted_ms)) - 1]


def summarise(latencies_ms: list[float], errors: int, seconds: float) -> dict[str, Any]:
    """p50/p95/p99/mean in ms, requests/s and errors of one run."""
    ms = sorted(latencies_ms)
    return {
        "requests": len(ms) + errors,
        "errors": errors,
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "mean_ms": round(statistics.fmean(ms), 2) if ms else 0.0,
        "requests_per_s": round((len(ms) + errors) / max(seconds, 1e-9), 1),
    }


def get_json(host: str, port: int, path: str) -> Any:
    """One GET answered 200, parsed; RuntimeError otherwise."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}: {body[:200]!r}")
        return json.loads(body)
    finally:
        conn.close()


def _client(
    host: str,
    port: int,
    plan: Sequence[str],
    deadline: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=60)
    mine: list[float] = []
    failed = 0
    for path in plan:
        if time.perf_counter() > deadline:
            break
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
            ok = False
        if ok:
            mine.append((time.perf_counter() - started) * 1000)
        else:
            failed += 1
    conn.close()
    latencies.extend(mine)
    errors.append(failed)


def _run(host: str, port: int, plans: Sequence[Sequence[str]], budget_s: float) -> dict[str, Any]:
    """Each plan (a list of paths) run in order by its own client over one connection."""
    latencies: list[float] = []
    errors: list[int] = []
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=_client, args=(host, port, plan, started + budget_s, latencies, errors)
        )
        for plan in plans
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return summarise(latencies, sum(errors), time.perf_counter() - started)


def run_load(
    host: str,
    port: int,
    paths: Sequence[str],
    clients: int,
    requests: int,
    seed: int = 1,
    budget_s: float = 30.0,
) -> dict[str, Any]:
    """`requests` GETs of random `paths` spread over `clients` concurrent connections; each
    client stops starting requests after `budget_s` seconds (the report says how many ran)."""
    per_client = max(1, requests // clients)
    plans = []
    for i in range(clients):
        rng = random.Random(seed + i)
        plans.append([rng.choice(paths) for _ in range(per_client)])
    return _run(host, port, plans, budget_s)


def run_once(
    host: str, port: int, paths: Sequence[str], clients: int, budget_s: float = 30.0
) -> dict[str, Any]:
    """Each of `paths` asked exactly once, the paths dealt out to `clients` connections."""
    return _run(host, port, [paths[i::clients] for i in range(clients)], budget_s)


def run_floor(answers: dict[str, Any], paths: Sequence[str], requests: int) -> dict[str, Any]:
    """The same answers from an in-memory index: a dict lookup and JSON encoding per request."""
    rng = random.Random(1)
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(requests):
        path = rng.choice(paths)
        t0 = time.perf_counter()
        json.dumps(answers[path]).encode()
        latencies.append((time.perf_counter() - t0) * 1000)
    return summarise(latencies, 0, time.perf_counter() - started)


def ask_each(host: str, port: int, paths: Sequence[str]) -> list[tuple[float, bool]]:
    """Each path asked once in order over one connection: (ms, answered from the API's cache)."""
    conn = http.client.HTTPConnection(host, port, timeout=60)
    out: list[tuple[float, bool]] = []
    try:
        for path in paths:
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ms = (time.perf_counter() - started) * 1000
            out.append((ms, response.getheader("X-KG-Cache") == "hit"))
    finally:
        conn.close()
    return out


def post_json(host: str, port: int, path: str, body: Any, api_key: str) -> int:
    """One POST of a JSON body with the API key; the status code."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    try:
        headers = {"Content-Type": "application/json", "X-API-Key": api_key}
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()
