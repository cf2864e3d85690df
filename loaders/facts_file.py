"""Facts files: the facts of many articles as JSON lines, made without a database.

One line per article: ``ArticleFacts.model_dump(mode="json")``. `extract_paths` writes such a
file with one or several processes; `extract_lines` is the same work for one task of a
cluster engine (Dask, Ray, Spark), whose outputs are concatenated into one file. The writer
(`loaders.pipeline.load_facts`, `kg load --facts`) then writes the file into the graph.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from graph.models import Article, ArticleFacts
from loaders.parallel import Extract, Extracted, iter_extracted, load_default_extract
from loaders.sources import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Skipped, iter_articles

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]  # done, sources read so far, name


class ExtractReport(BaseModel):
    """What one extraction to a facts file did."""

    written: int = 0
    failed: list[tuple[str, str]] = Field(default_factory=list)
    entities: int = 0
    events: int = 0
    relations: int = 0
    elapsed_seconds: float = 0.0
    extract_seconds: float = 0.0


def _iter_outcomes(
    paths: Sequence[Path],
    manifest: Path | None,
    extract: Extract,
    workers: int,
    max_bytes: int,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[str, Extracted | str]]:
    """(name, outcome or failure reason) of every source, in input order."""
    items = (
        (item, item if isinstance(item, Article) else None)
        for item in iter_articles(paths, manifest, max_bytes=max_bytes, max_chars=max_chars)
    )
    for item, outcome in iter_extracted(items, extract, workers):
        if isinstance(item, Skipped):
            yield item.path, item.reason
        elif outcome is None or outcome.facts is None:
            yield item.id, f"extraction failed: {outcome.error if outcome else 'no outcome'}"
        elif outcome.facts.article != item:
            yield item.id, "extraction failed: the facts are not for this article"
        else:
            yield item.id, outcome


def facts_line(facts: ArticleFacts) -> str:
    """One article's facts as one JSON line (with its newline)."""
    return json.dumps(facts.model_dump(mode="json"), ensure_ascii=False) + "\n"


def extract_paths(
    paths: Sequence[Path],
    out: Path,
    *,
    manifest: Path | None = None,
    extract: Extract | None = None,
    workers: int = 1,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> ExtractReport:
    """Extract every article under paths into a facts file at `out`, no database needed."""
    started = time.perf_counter()
    extract_fn = extract if extract is not None else load_default_extract()
    report = ExtractReport()
    tmp = out.with_name(out.name + ".tmp")
    try:
        _write_facts(
            tmp,
            _iter_outcomes(paths, manifest, extract_fn, workers, max_bytes, max_chars),
            report,
            progress,
        )
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    report.elapsed_seconds = time.perf_counter() - started
    return report


def _write_facts(
    tmp: Path,
    outcomes: Iterator[tuple[str, Extracted | str]],
    report: ExtractReport,
    progress: Progress | None,
) -> None:
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for done, (name, outcome) in enumerate(outcomes, 1):
            if isinstance(outcome, str):
                log.info("failed: %s: %s", name, outcome)  # the report lists it
                report.failed.append((name, outcome))
            elif (facts := outcome.facts) is not None:
                fh.write(facts_line(facts))
                report.written += 1
                report.extract_seconds += outcome.seconds
                report.entities += len(facts.entities)
                report.events += len(facts.events)
                report.relations += len(facts.relations)
            if progress is not None:
                progress(done, done, name)


def extract_lines(paths: Sequence[Path], manifest: Path | None = None) -> list[str]:
    """Facts lines of the articles under paths (one task of a cluster engine); failures logged."""
    lines: list[str] = []
    extract = load_default_extract()
    for name, outcome in _iter_outcomes(paths, manifest, extract, 1, DEFAULT_MAX_BYTES):
        if isinstance(outcome, str):
            log.warning("failed: %s: %s", name, outcome)
        elif outcome.facts is not None:
            lines.append(facts_line(outcome.facts))
    return lines
