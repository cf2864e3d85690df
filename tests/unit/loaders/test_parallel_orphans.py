"""Extraction workers exit when the process that started them is killed (SIGKILL, the OOM
killer): none is left blocked forever."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.paths import REPO

SCRIPT = """
import sys
import time

from graph.models import Article, ArticleFacts
from loaders.parallel import iter_extracted


def slow_extract(article: Article) -> ArticleFacts:
    time.sleep(0.5)
    return ArticleFacts(article=article)


if __name__ == "__main__":
    articles = [Article(id=f"a{i}", content_hash="0" * 64, text="x") for i in range(1000)]
    for n, _ in enumerate(iter_extracted(((a, a) for a in articles), slow_extract, workers=2)):
        if n == 2:
            print("extracting", flush=True)
"""


def _children(pid: int) -> set[int]:
    """Every living descendant of `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_workers_exit_when_the_loader_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "load.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    loader = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env, cwd=tmp_path
    )
    workers: set[int] = set()
    try:
        assert loader.stdout is not None
        assert loader.stdout.readline().strip() == "extracting"
        workers = _children(loader.pid)
        assert len(workers) >= 2, workers
        os.kill(loader.pid, signal.SIGKILL)
        loader.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        left = sorted(pid for pid in workers if _alive(pid))
        assert not left, f"orphaned workers still running: {left}"
    finally:
        for pid in workers | _children(loader.pid) | {loader.pid}:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        loader.wait(timeout=10)
        if loader.stdout is not None:
            loader.stdout.close()
