"""The batch driver: sources -> extraction -> a fact sink, with a report of what happened.

For each source: a Skipped file is recorded as failed; an article whose content hash equals
the one the sink holds is UNCHANGED and not extracted; any other article is extracted and
written. That first look at the hash only saves the extraction: the write compares the hash
again inside its transaction, and that comparison is what keeps writes idempotent. An
extraction error fails that article only. A sink's graph.errors.WriteRejected fails that
article only; any other sink exception (the database is unreachable, say) aborts the batch:
it is logged with what was done so far and re-raised, carrying the partial LoadReport in its
notes.

Sources are streamed: a corpus of any size is read, extracted and written a bounded number of
articles at a time, so the ``total`` given to ``progress`` is the number of sources read so
far (exact once reading is done, and from the start below ``batch_size`` sources; a caller
that counted the sources beforehand, see loaders.sources.count_sources, knows it at once).
``progress`` is called as each source is extracted, found unchanged or failed, before its
batch is written, so it moves while extraction runs. A sink
that also has ``article_hashes`` and ``write_articles`` (a BatchSink, like GraphStore) gets
its hash checks and its writes in batches of ``batch_size`` articles from the one writer
(this process); any other sink gets one call per article. With
``workers > 1`` extraction runs in spawned processes (see loaders.parallel) and the writer
still sees every article in input order, so the graph written is the same for any number of
workers. ``extract_seconds`` is summed over workers. Each article's events are renamed to the
ones an earlier article or the graph already knows (graph.unify): for a GraphStore sink inside
the write's own transaction (`GraphStore.write_unified`), so a concurrent writer's events are
seen; ``write_seconds`` includes that look-up.

`extract_paths` writes facts to a JSON-lines file without a database (one
``ArticleFacts.model_dump(mode="json")`` per line) and `load_facts` writes such a file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, Field, ValidationError

from graph.errors import WriteRejected
from graph.models import Article, ArticleFacts, WriteStatus
from graph.store import GraphStore
from graph.unify import EventIndex
from loaders.facts_file import ExtractReport, extract_lines, extract_paths, facts_line
from loaders.parallel import Extract, Extracted, iter_extracted, load_default_extract
from loaders.sources import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    Skipped,
    article_from_record,
    iter_articles,
)

__all__ = [
    "BatchSink",
    "ExtractReport",
    "FactSink",
    "LoadReport",
    "WriteStatus",
    "extract_lines",
    "extract_paths",
    "extract_record",
    "facts_line",
    "load_facts",
    "load_paths",
]

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # done, sources read so far, name
DEFAULT_BATCH = 64  # articles per write transaction


class FactSink(Protocol):
    """Where extracted facts go: the graph store, or any store keyed by article id."""

    def article_hash(self, article_id: str) -> str | None:
        """The stored content hash of an article, None if absent."""
        ...

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        """Store one article's facts in one transaction."""
        ...


@runtime_checkable
class BatchSink(FactSink, Protocol):
    """A sink that checks hashes and writes many articles per call."""

    def article_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The stored content hashes of the articles of `ids` that are stored."""
        ...

    def write_articles(self, batch: Sequence[ArticleFacts]) -> Sequence[WriteStatus | Exception]:
        """Store several articles; per article its status or the error that refused it alone."""
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

    def replaced_note(self) -> str:
        """A warning when articles replaced stored ones of the same id ('' when none did)."""
        if not self.updated:
            return ""
        shown = ", ".join(self.updated[:5]) + (", ..." if len(self.updated) > 5 else "")
        return (
            f"{len(self.updated)} articles replaced the article already stored under the same id "
            f"({shown}); if they are other articles (file names repeat across corpora), load "
            "them again with --id-prefix to keep both"
        )

    def summary(self) -> str:
        """One line: counts per outcome and the time taken."""
        return (
            f"{len(self.loaded)} loaded, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.failed)} failed "
            f"in {self.elapsed_seconds:.2f}s"
        )


@dataclass(frozen=True)
class _Pending:
    """One source waiting for its turn to be recorded, in input order."""

    name: str
    article: Article | None = None
    facts: ArticleFacts | None = None
    failure: str | None = None
    unchanged: bool = False


class _Writer:
    """The one writer: checks hashes, buffers facts and records outcomes in input order."""

    def __init__(self, sink: FactSink, batch_size: int, progress: Progress | None) -> None:
        self.sink = sink
        self.batched = isinstance(sink, BatchSink) and batch_size > 1
        self.batch_size = batch_size if self.batched else 1
        self.read_ahead = max(batch_size, 1)
        self.report = LoadReport()
        self.done = 0  # sources recorded (written, unchanged or failed)
        self.settled = 0  # sources extracted or judged, the progress shown
        self.seen = 0
        self.progress = progress
        self.buffer: list[_Pending] = []
        self.events = EventIndex()  # one event per happening across the articles written

    def check(self, items: Sequence[Article | Skipped]) -> list[_Pending]:
        """Compare the articles' hashes with the stored ones; the pending work per source."""
        self.seen += len(items)
        started = time.perf_counter()
        try:
            return self._check(items)
        finally:
            self.report.write_seconds += time.perf_counter() - started

    def _check(self, items: Sequence[Article | Skipped]) -> list[_Pending]:
        articles = [a for a in items if isinstance(a, Article)]
        stored: dict[str, str] = {}
        rejected: dict[str, str] = {}
        if isinstance(self.sink, BatchSink) and self.batched:
            stored = self.sink.article_hashes([a.id for a in articles])
        else:
            for a in articles:
                try:
                    found = self.sink.article_hash(a.id)
                except WriteRejected as e:
                    rejected[a.id] = f"rejected by the store: {e}"
                    continue
                if found is not None:
                    stored[a.id] = found
        pending: list[_Pending] = []
        for item in items:
            if isinstance(item, Skipped):
                pending.append(_Pending(item.path, failure=item.reason))
            elif item.id in rejected:
                pending.append(_Pending(item.id, failure=rejected[item.id]))
            else:
                unchanged = stored.get(item.id) == item.content_hash
                pending.append(_Pending(item.id, article=item, unchanged=unchanged))
        return pending

    def settle(self, pending: _Pending, outcome: Extracted | None) -> None:
        """Queue one source with its extraction outcome; write when a batch is full."""
        if outcome is not None:
            self.report.extract_seconds += outcome.seconds
            if outcome.facts is None:
                pending = _Pending(pending.name, failure=f"extraction failed: {outcome.error}")
            elif outcome.facts.article != pending.article:
                reason = "extraction failed: the facts are not for this article"
                pending = _Pending(pending.name, failure=reason)
            else:
                pending = _Pending(pending.name, facts=outcome.facts)
        self.buffer.append(pending)
        self.settled += 1
        if self.progress is not None:
            self.progress(self.settled, max(self.seen, self.settled), pending.name)
        if sum(p.facts is not None for p in self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the buffered facts and record every buffered source, in order."""
        buffer, self.buffer = self.buffer, []
        written = iter(self._write(buffer))
        for p in buffer:
            if p.failure is not None:
                self._fail(p.name, p.failure)
            elif p.unchanged:
                self.report.unchanged.append(p.name)
                self._finish(p.name)
            elif p.facts is not None:
                self._record(*next(written))

    def _write(self, buffer: list[_Pending]) -> list[tuple[ArticleFacts, WriteStatus | Exception]]:
        """Each buffered article as written, with its events renamed to the ones the graph or an
        earlier article knows, and the outcome of its write."""
        batch = [p.facts for p in buffer if p.facts is not None]
        if not batch:
            return []
        started = time.perf_counter()
        try:
            if isinstance(self.sink, GraphStore):  # the graph is read in the write's transaction
                return list(self.sink.write_unified(batch, self.events))
            batch = [self.events.unify(f) for f in batch]
            if self.batched and isinstance(self.sink, BatchSink):
                return list(zip(batch, self.sink.write_articles(batch), strict=True))
            return [(f, self._write_one(f)) for f in batch]
        finally:
            self.report.write_seconds += time.perf_counter() - started

    def _write_one(self, facts: ArticleFacts) -> WriteStatus | Exception:
        try:
            return WriteStatus(self.sink.write_article(facts))
        except WriteRejected as e:
            return e

    def _record(self, facts: ArticleFacts, result: WriteStatus | Exception) -> None:
        aid = facts.article.id
        if isinstance(result, Exception):
            if not isinstance(result, WriteRejected):
                raise result
            self._fail(aid, f"rejected by the store: {result}")
            return
        status = WriteStatus(result)
        {
            WriteStatus.LOADED: self.report.loaded,
            WriteStatus.UPDATED: self.report.updated,
            WriteStatus.UNCHANGED: self.report.unchanged,
        }[status].append(aid)
        if status is not WriteStatus.UNCHANGED:
            self.report.entities += len(facts.entities)
            self.report.events += len(facts.events)
            self.report.relations += len(facts.relations)
        self._finish(aid)

    def _finish(self, name: str) -> None:
        self.done += 1

    def _fail(self, name: str, reason: str) -> None:
        log.info("failed: %s: %s", name, reason)  # the report lists it; callers show it once
        self.report.failed.append((name, reason))
        self._finish(name)


def _chunks(items: Iterable[Article | Skipped], size: int) -> Iterator[list[Article | Skipped]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _checked(
    writer: _Writer, sources: Iterable[Article | Skipped]
) -> Iterator[tuple[_Pending, Article | None]]:
    """Each source's pending work and the article to extract (None when there is none)."""
    for chunk in _chunks(sources, writer.read_ahead):
        for p in writer.check(chunk):
            needs = p.article is not None and not p.unchanged
            yield p, (p.article if needs else None)


def _drive(writer: _Writer, work: Callable[[], None], started: float) -> LoadReport:
    """Run `work` then the last flush; on an abort, note what was done and re-raise."""
    try:
        work()
        writer.flush()
    except Exception as e:
        writer.report.elapsed_seconds = time.perf_counter() - started
        note = (
            f"load aborted after {writer.done} of {writer.seen} sources read: "
            f"{writer.report.summary()}"
        )
        log.info("%s (%s: %s)", note, type(e).__name__, e)  # the note travels with `e`
        e.add_note(note)
        raise
    writer.report.elapsed_seconds = time.perf_counter() - started
    log.info("load finished: %s", writer.report.summary())
    return writer.report


def load_paths(
    paths: Sequence[Path],
    sink: FactSink,
    *,
    manifest: Path | None = None,
    extract: Extract | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = DEFAULT_BATCH,
    id_prefix: str = "",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> LoadReport:
    """Read, extract and write every article under paths; return what happened."""
    started = time.perf_counter()
    extract_fn = extract if extract is not None else load_default_extract()
    writer = _Writer(sink, batch_size, progress)
    sources = iter_articles(
        paths, manifest, max_bytes=max_bytes, max_chars=max_chars, id_prefix=id_prefix
    )

    def work() -> None:
        checked = _checked(writer, sources)
        for pending, outcome in iter_extracted(checked, extract_fn, workers, writer.batch_size):
            writer.settle(pending, outcome)

    return _drive(writer, work, started)


def load_facts(
    path: Path, sink: FactSink, *, progress: Progress | None = None, batch_size: int = DEFAULT_BATCH
) -> LoadReport:
    """Write a facts file (JSON lines of ArticleFacts); a bad line fails alone, named by number."""
    started = time.perf_counter()
    writer = _Writer(sink, batch_size, progress)

    def work() -> None:
        with Path(path).open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    writer.seen += 1
                    writer.settle(read_facts_line(path, number, line), None)

    return _drive(writer, work, started)


def read_facts_line(path: Path, number: int, line: str) -> _Pending:
    """One line of a facts file as pending work: its facts, or a failure naming the line."""
    name = f"{path}:{number}"
    try:
        facts = ArticleFacts.model_validate_json(line)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "line"
        return _Pending(name, failure=f"not article facts: {where}: {first['msg']}")
    return _Pending(name, facts=facts)


def extract_record(
    record: Mapping[str, Any], extract: Extract | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> ArticleFacts:
    """Facts of one article given as a record (text plus metadata), cleaned like a file's text."""
    article = article_from_record(record, max_chars)
    return (extract or load_default_extract())(article)
