"""The batch driver: sources -> extraction -> a fact sink, with a report of what happened.

For each source: a Skipped file is recorded as failed; an article whose content hash equals
the one the sink holds is UNCHANGED and not extracted; any other article is extracted and
written. An extraction error fails that article only. A sink exception whose class has
``terminal_for_article = True`` fails that article only; any other sink exception (the
database is unreachable, say) aborts the batch: it is logged with what was done so far and
re-raised, carrying the partial LoadReport in its notes.

With ``workers > 1`` extraction runs in a spawned process pool while the calling process
checks hashes and writes results in input order, so the sink sees the same calls in the
same order as with one worker (the graph is then identical provided the extractor is
deterministic across processes). Spawned workers re-import the calling script, so a
script that calls load_paths with workers > 1 needs the ``if __name__ == "__main__":``
guard; the extract function must be importable by name (module-level). All sources are
read and cleaned before extraction starts; ``extract_seconds`` is summed over workers.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import pickle
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from pydantic import BaseModel, Field

from graph.models import Article, ArticleFacts, WriteStatus
from loaders.errors import ExtractorUnavailable
from loaders.sources import DEFAULT_MAX_BYTES, Skipped, article_from_record, iter_articles

log = logging.getLogger(__name__)

Extract = Callable[[Article], ArticleFacts]
Progress = Callable[[int, int, str], None]
IN_FLIGHT_PER_WORKER = 4  # extraction jobs queued ahead of the writer, per worker


class FactSink(Protocol):
    """Where extracted facts go: the graph store, or any store keyed by article id."""

    def article_hash(self, article_id: str) -> str | None:
        """The stored content hash of an article, None if absent."""
        ...

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        """Store one article's facts in one transaction."""
        ...


class LoadReport(BaseModel):
    """What one load did: article ids per outcome, failures with reasons, counts and timings."""

    loaded: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    failed: list[tuple[str, str]] = Field(default_factory=list)
    entities: int = 0
    events: int = 0
    relations: int = 0
    elapsed_seconds: float = 0.0
    extract_seconds: float = 0.0
    write_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed

    def summary(self) -> str:
        """One line: counts per outcome and the time taken."""
        return (
            f"{len(self.loaded)} loaded, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed "
            f"in {self.elapsed_seconds:.2f}s"
        )


@dataclass(frozen=True)
class _Extracted:
    """The outcome of extracting one article: facts or an error, and the time taken."""

    facts: ArticleFacts | None
    error: str | None
    seconds: float


def run_extract(extract: Extract, article: Article) -> _Extracted:
    """Extract one article, turning any exception into an error message (runs in workers)."""
    started = time.perf_counter()
    try:
        facts = extract(article)
    except Exception as e:  # any failure of the extractor is this article's failure
        return _Extracted(None, f"{type(e).__name__}: {e}", time.perf_counter() - started)
    return _Extracted(facts, None, time.perf_counter() - started)


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


def _is_terminal_for_article(error: BaseException) -> bool:
    return getattr(type(error), "terminal_for_article", False) is True


@dataclass(frozen=True)
class _Pending:
    """One source waiting for its turn to be recorded, in input order."""

    item: Article | Skipped
    unchanged: bool = False
    rejected: str | None = None
    future: Future[_Extracted] | None = None


class _Batch:
    """The state of one load: the sink, the report and the progress callback."""

    def __init__(self, sink: FactSink, total: int, progress: Progress | None) -> None:
        self.sink = sink
        self.report = LoadReport()
        self.total = total
        self.done = 0
        self.progress = progress

    def check(self, item: Article | Skipped) -> _Pending:
        """Compare an article's hash with the stored one; the pending work for this source."""
        if isinstance(item, Skipped):
            return _Pending(item)
        started = time.perf_counter()
        try:
            stored = self.sink.article_hash(item.id)
        except Exception as e:
            if not _is_terminal_for_article(e):
                raise
            return _Pending(item, rejected=f"rejected by the store: {e}")
        finally:
            self.report.write_seconds += time.perf_counter() - started
        return _Pending(item, unchanged=stored == item.content_hash)

    def settle(self, pending: _Pending, outcome: _Extracted | None = None) -> None:
        """Record one source: its failure, its unchanged state, or the write of its facts."""
        item = pending.item
        if isinstance(item, Skipped):
            self._fail(item.path, item.reason)
        elif pending.rejected is not None:
            self._fail(item.id, pending.rejected)
        elif pending.unchanged:
            self.report.unchanged.append(item.id)
            self._finish(item.id)
        elif outcome is not None:
            self._write(item, outcome)

    def _finish(self, name: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, name)

    def _fail(self, name: str, reason: str) -> None:
        log.warning("failed: %s: %s", name, reason)
        self.report.failed.append((name, reason))
        self._finish(name)

    def _write(self, article: Article, outcome: _Extracted) -> None:
        self.report.extract_seconds += outcome.seconds
        facts = outcome.facts
        if facts is None:
            self._fail(article.id, f"extraction failed: {outcome.error}")
            return
        if facts.article != article:
            self._fail(article.id, "extraction failed: the facts are not for this article")
            return
        started = time.perf_counter()
        try:
            status = WriteStatus(self.sink.write_article(facts))
        except Exception as e:
            if not _is_terminal_for_article(e):
                raise
            self._fail(article.id, f"rejected by the store: {e}")
            return
        finally:
            self.report.write_seconds += time.perf_counter() - started
        {
            WriteStatus.LOADED: self.report.loaded,
            WriteStatus.UPDATED: self.report.updated,
            WriteStatus.UNCHANGED: self.report.unchanged,
        }[status].append(article.id)
        if status is not WriteStatus.UNCHANGED:
            self.report.entities += len(facts.entities)
            self.report.events += len(facts.events)
            self.report.relations += len(facts.relations)
        self._finish(article.id)


def _needs_extract(pending: _Pending) -> bool:
    return isinstance(pending.item, Article) and not pending.unchanged and not pending.rejected


def _run_serial(batch: _Batch, sources: Sequence[Article | Skipped], extract: Extract) -> None:
    for item in sources:
        pending = batch.check(item)
        if _needs_extract(pending):
            batch.settle(pending, run_extract(extract, cast(Article, item)))
        else:
            batch.settle(pending)


def _run_pool(
    batch: _Batch, sources: Sequence[Article | Skipped], extract: Extract, workers: int
) -> None:
    try:
        pickle.dumps(extract)
    except (pickle.PicklingError, AttributeError, TypeError) as e:
        raise ValueError(f"with workers > 1 the extract function must be module-level: {e}") from e
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    queue: deque[_Pending] = deque()
    in_flight = 0
    limit = workers * IN_FLIGHT_PER_WORKER

    def settle_first() -> int:
        pending = queue.popleft()
        if pending.future is None:
            batch.settle(pending)
            return 0
        batch.settle(pending, pending.future.result())
        return 1

    try:
        for item in sources:
            pending = batch.check(item)
            if _needs_extract(pending):
                future = pool.submit(run_extract, extract, cast(Article, item))
                pending = _Pending(item, future=future)
                in_flight += 1
            queue.append(pending)
            while in_flight > limit:
                in_flight -= settle_first()
        while queue:
            settle_first()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def load_paths(
    paths: Sequence[Path],
    sink: FactSink,
    *,
    manifest: Path | None = None,
    extract: Extract | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadReport:
    """Read, extract and write every article under paths; return what happened."""
    started = time.perf_counter()
    extract_fn = extract if extract is not None else load_default_extract()
    sources = list(iter_articles(paths, manifest, max_bytes=max_bytes))
    batch = _Batch(sink, len(sources), progress)
    try:
        if workers > 1:
            _run_pool(batch, sources, extract_fn, workers)
        else:
            _run_serial(batch, sources, extract_fn)
    except Exception as e:
        batch.report.elapsed_seconds = time.perf_counter() - started
        note = f"load aborted after {batch.done} of {batch.total} sources: {batch.report.summary()}"
        log.error("%s (%s: %s)", note, type(e).__name__, e)
        e.add_note(note)
        raise
    batch.report.elapsed_seconds = time.perf_counter() - started
    log.info("load finished: %s", batch.report.summary())
    return batch.report


def extract_record(record: Mapping[str, Any], extract: Extract | None = None) -> ArticleFacts:
    """Facts of one article given as a record (text plus metadata), cleaned like a file's text."""
    article = article_from_record(record)
    return (extract or load_default_extract())(article)
