"""Extraction in input order, in this process or in a spawned pool of worker processes.

`iter_extracted` takes work items (anything with an ``article`` to extract, or None for an
item that needs no extraction) and yields each item with its outcome, in input order, keeping
at most a bounded number of extractions in flight so a corpus of any size streams through.
Spawned workers re-import the calling script, so a script that uses workers > 1 needs the
``if __name__ == "__main__":`` guard; the extract function must be importable by name. Each
worker watches the process that started it and exits within a second of its death (a
SIGKILL, the OOM killer), so no worker is left blocked forever holding its memory.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar, cast

from graph.models import Article, ArticleFacts
from loaders.errors import ExtractorUnavailable

Extract = Callable[[Article], ArticleFacts]
Item = TypeVar("Item")
IN_FLIGHT_PER_WORKER = 4  # extraction jobs queued ahead of the writer, per worker
PARENT_CHECK_SECONDS = 0.5  # how often a worker checks that its parent is alive


@dataclass(frozen=True)
class Extracted:
    """The outcome of extracting one article: facts or an error, and the time taken."""

    facts: ArticleFacts | None
    error: str | None
    seconds: float


def run_extract(extract: Extract, article: Article) -> Extracted:
    """Extract one article, turning any exception into an error message (runs in workers)."""
    started = time.perf_counter()
    try:
        facts = extract(article)
    except Exception as e:  # noqa: BLE001  any failure of the extractor is this article's failure
        return Extracted(None, f"{type(e).__name__}: {e}", time.perf_counter() - started)
    return Extracted(facts, None, time.perf_counter() - started)


def watch_parent(parent_pid: int) -> None:
    """Runs first in each worker: a daemon thread ends the worker once its parent is gone."""

    def exit_when_orphaned() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # the parent died without shutting the pool down: nobody wants the results

    threading.Thread(target=exit_when_orphaned, name="parent-watch", daemon=True).start()


def load_default_extract() -> Extract:
    """The project's extractor, loaders.extract.extract_article, imported on first use."""
    try:
        module = importlib.import_module("loaders.extract")
    except ImportError as e:
        raise ExtractorUnavailable(f"cannot import loaders.extract: {e}") from e
    extract = getattr(module, "extract_article", None)
    if not callable(extract):
        raise ExtractorUnavailable("loaders.extract has no extract_article function")
    return cast(Extract, extract)


def check_picklable(extract: Extract) -> None:
    """Raises ValueError unless `extract` can be sent to a worker process by name."""
    try:
        pickle.dumps(extract)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        raise ValueError(f"with workers > 1 the extract function must be module-level: {e}") from e


def iter_extracted(
    items: Iterable[tuple[Item, Article | None]],
    extract: Extract,
    workers: int = 1,
    ahead: int = 0,
) -> Iterator[tuple[Item, Extracted | None]]:
    """Each item with the outcome of extracting its article (None when it has none), in order.

    With workers > 1 up to ``workers * IN_FLIGHT_PER_WORKER + ahead`` extractions run ahead of
    the consumer, so a consumer that writes in batches of ``ahead`` keeps the workers busy.
    """
    if workers <= 1:
        for item, article in items:
            yield item, (run_extract(extract, article) if article is not None else None)
        return
    check_picklable(extract)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )
    queue: deque[tuple[Item, Future[Extracted] | None]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER + max(ahead, 0)
    in_flight = 0
    try:
        for item, article in items:
            future = pool.submit(run_extract, extract, article) if article is not None else None
            in_flight += future is not None
            queue.append((item, future))
            while in_flight > limit:
                first, pending = queue.popleft()
                in_flight -= pending is not None
                yield first, (pending.result() if pending is not None else None)
        while queue:
            first, pending = queue.popleft()
            yield first, (pending.result() if pending is not None else None)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
