"""Synthetic corpora of wire reports about invented negotiations, with the facts they state.

`generate_corpus` writes `<id>.txt` articles, a `manifest.json` (file, published, source, title,
author) and a `truth.json` facts file (the shape of ../shared/eval/FORMAT.md) listing every
entity, event and relation the articles state, each relation with a sentence that states it.
The same seed and article count give the same bytes. Articles are written one at a time, so a
corpus of 100,000 articles never holds its texts in memory.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.article import RenderedArticle, render_article
from bench.truth import TruthRecorder, write_truth
from bench.world import World, build_world

log = logging.getLogger(__name__)

MAX_ARTICLES = 1_000_000
OWN_FILES = frozenset({"manifest.json", "truth.json"})
ARTICLE_FILE = re.compile(r"syn-\d{6,}\.txt")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class CorpusSummary:
    """What a generated corpus holds and how long writing it took."""

    out_dir: Path
    articles: int
    words: int
    entities: int
    events: int
    relations: int
    junk_articles: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready values."""
        return {
            "out_dir": str(self.out_dir),
            "articles": self.articles,
            "words": self.words,
            "entities": self.entities,
            "events": self.events,
            "relations": self.relations,
            "junk_articles": self.junk_articles,
            "seconds": round(self.seconds, 3),
        }


def clear_previous(out_dir: Path) -> None:
    """Remove an earlier corpus from `out_dir`; refuse a folder holding anything else."""
    if not out_dir.is_dir():
        return
    ours = [p for p in out_dir.iterdir() if p.name in OWN_FILES or ARTICLE_FILE.fullmatch(p.name)]
    if len(ours) != sum(1 for _ in out_dir.iterdir()):
        raise FileExistsError(
            f"{out_dir} holds files that are not a generated corpus; choose an empty or new folder"
        )
    for path in ours:
        path.unlink()


def iter_articles(
    world: World, truth: TruthRecorder, n_articles: int, seed: int, junk_rate: float
) -> Iterator[RenderedArticle]:
    """The corpus's articles in id order, their facts recorded in `truth` as they are made."""
    for index in range(1, n_articles + 1):
        yield render_article(world, truth, seed, index, n_articles, junk_rate)


def generate_corpus(
    n_articles: int,
    seed: int,
    out_dir: Path,
    junk_rate: float = 0.2,
    progress: Progress | None = None,
) -> CorpusSummary:
    """Write a synthetic corpus of `n_articles` articles, its manifest and its truth facts."""
    if not 1 <= n_articles <= MAX_ARTICLES:
        raise ValueError(f"n_articles must be between 1 and {MAX_ARTICLES}, not {n_articles}")
    if not 0.0 <= junk_rate <= 1.0:
        raise ValueError(f"junk_rate must be between 0 and 1, not {junk_rate}")
    started = time.perf_counter()
    out_dir = Path(out_dir)
    clear_previous(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    world = build_world(seed, n_articles)
    truth = TruthRecorder()
    manifest: list[dict[str, Any]] = []
    truth_articles: list[dict[str, Any]] = []
    words = junk = 0
    for done, art in enumerate(iter_articles(world, truth, n_articles, seed, junk_rate), 1):
        (out_dir / f"{art.article_id}.txt").write_text(art.text, encoding="utf-8", newline="\n")
        published = art.published.isoformat()
        manifest.append(
            {
                "file": f"{art.article_id}.txt",
                "published": published,
                "source": art.source,
                "title": art.title,
                "author": art.author,
            }
        )
        truth_articles.append(
            {"id": art.article_id, "published": published, "source": art.source, "title": art.title}
        )
        words += len(art.text.split())
        junk += art.junk
        if progress is not None and (done % 100 == 0 or done == n_articles):
            progress(done, n_articles)
    with (out_dir / "manifest.json").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in manifest) + "\n]\n")
    write_truth(out_dir / "truth.json", truth_articles, truth)
    summary = CorpusSummary(
        out_dir,
        n_articles,
        words,
        len(truth.entities),
        len(truth.events),
        len(truth.relations),
        junk,
        time.perf_counter() - started,
    )
    log.info("generated %d articles in %s (%.1f s)", n_articles, out_dir, summary.seconds)
    return summary
