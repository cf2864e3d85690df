"""The processes a benchmark measures: its own embedded database and an API served by `kg serve`."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import embedded
from graph.embedded import free_port
from graph.settings import Settings
from graph.store import GraphStore

READY_TIMEOUT = 120.0


def peak_rss_mb(pid: int) -> float:
    """The peak resident memory of a live process (VmHWM), in MB; 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@contextmanager
def run_database(data_dir: Path) -> Iterator[tuple[Settings, GraphStore, int]]:
    """An embedded server of the benchmark's own on `data_dir`: settings, store and pid."""
    settings = Settings(
        neo4j_uri=None,
        kg_data_dir=data_dir,
        kg_bolt_port=free_port(),
        kg_http_port=free_port(),
        _env_file=None,
    )
    info = embedded.start(data_dir, settings.kg_bolt_port, settings.kg_http_port)
    try:
        with GraphStore.connect(settings) as store:
            store.ensure_schema()
            yield settings, store, info.pid
    finally:
        embedded.stop(data_dir)


@contextmanager
def run_api(
    settings: Settings, precompute: int = 0, api_key: str | None = None
) -> Iterator[tuple[str, int, int]]:
    """`kg serve` on the benchmark's database: (host, port, pid), ready and warmed up.

    It precomputes no profiles unless `precompute` is given, so that first requests measure the
    database; with `api_key` it takes posted articles."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        KG_DATA_DIR=str(settings.kg_data_dir),
        KG_BOLT_PORT=str(settings.kg_bolt_port),
        KG_HTTP_PORT=str(settings.kg_http_port),
        KG_PRECOMPUTE_ENTITIES=str(precompute),
    )
    if api_key is not None:
        env["KG_API_KEY"] = api_key
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_ready("127.0.0.1", port, proc)
        yield "127.0.0.1", port, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_ready(host: str, port: int, proc: subprocess.Popen[bytes]) -> None:
    """Waits until GET /ready answers 200; RuntimeError when the server exits or times out."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the API exited with code {proc.returncode} before it was ready")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", "/ready")
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the API on port {port} was not ready within {READY_TIMEOUT:.0f} s")
