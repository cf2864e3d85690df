"""`kg score`: load the seeds and the dev set into a scratch database, export, score each one."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, ModuleType
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from graph import embedded
from graph.settings import Settings
from kg.commands import run_load
from kg.console import err, fail, graph_errors, out
from kg.db_commands import open_store

if TYPE_CHECKING:
    from graph.export import FactsDoc
    from loaders.pipeline import LoadReport

app = typer.Typer()

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = REPO.parent / "shared" / "eval"
MEASURES = ("entities", "events", "relations", "event_dates")


@dataclass(frozen=True)
class Corpus:
    """One scored corpus: its articles folder (with manifest.json) and its gold facts."""

    name: str
    articles: Path
    gold: Path

    @property
    def manifest(self) -> Path | None:
        """manifest.json inside the articles folder, if there is one."""
        path = self.articles / "manifest.json"
        return path if path.is_file() else None


@dataclass
class CorpusScore:
    """What scoring one corpus gave: the load, the exported counts and score.py's result."""

    corpus: Corpus
    load: LoadReport
    exported: dict[str, int]
    result: dict[str, Any]
    report: str

    def summary(self) -> str:
        """One line: the F1 of each headline measure and what the export held."""
        f1 = ", ".join(f"{m} F1 {self.result[m]['f1']:.3f}" for m in MEASURES)
        held = ", ".join(f"{v} {k}" for k, v in self.exported.items())
        return f"{self.corpus.name}: {f1} ({held})"

    def figures(self) -> dict[str, Any]:
        """The JSON record of `--json`: paths, load outcome, exported counts and the scores."""
        return {
            "articles": str(self.corpus.articles),
            "gold": str(self.corpus.gold),
            "loaded": len(self.load.loaded),
            "failed": [list(f) for f in self.load.failed],
            "exported": self.exported,
            "scores": self.result,
        }


def default_corpora(
    eval_dir: Path,
    seeds: Path | None = None,
    seeds_gold: Path | None = None,
    dev: Path | None = None,
    dev_gold: Path | None = None,
) -> list[Corpus]:
    """The seeds and the dev set, each path defaulting to its place beside score.py."""
    return [
        Corpus(
            "seeds", seeds or eval_dir.parent / "seeds", seeds_gold or eval_dir / "seeds.gold.json"
        ),
        Corpus(
            "dev", dev or eval_dir / "dev" / "articles", dev_gold or eval_dir / "dev" / "gold.json"
        ),
    ]


def check_inputs(scorer: Path, corpora: Sequence[Corpus]) -> None:
    """One line naming the first missing path (folder, scorer, articles or gold), then exit 2."""
    if not scorer.parent.is_dir():
        fail(f"the evaluation folder {scorer.parent} does not exist: pass --eval DIR", code=2)
    if not scorer.is_file():
        fail(f"the scorer {scorer} does not exist: pass --eval DIR", code=2)
    for c in corpora:
        if not c.articles.is_dir():
            fail(
                f"{c.name} articles folder {c.articles} does not exist: pass --{c.name} DIR", code=2
            )
        if not c.gold.is_file():
            fail(f"{c.name} gold file {c.gold} does not exist: pass --{c.name}-gold FILE", code=2)


def load_scorer(path: Path) -> ModuleType:
    """score.py imported from its path (it is not a package of this repo)."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", path)
    if spec is None or spec.loader is None:
        fail(f"cannot import the scorer {path}", code=2)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(scorer: ModuleType, path: Path) -> dict[str, Any]:
    """The parsed gold facts, checked by score.py; one line naming the file when they are bad."""
    try:
        gold = cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))
        scorer.validate(gold)
    except (OSError, UnicodeDecodeError) as e:
        fail(f"cannot read the gold file {path}: {e}", code=2)
    except json.JSONDecodeError as e:
        fail(f"the gold file {path} is not valid JSON: {e.msg} at line {e.lineno}", code=2)
    except scorer.InputError as e:
        fail(f"the gold file {path} is not a facts document: {e}", code=2)
    return gold


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@contextlib.contextmanager
def scratch_database() -> Iterator[Settings]:
    """Settings of a throwaway embedded server (temporary folder, free ports), always stopped."""
    data_dir = Path(tempfile.mkdtemp(prefix="kg-score-"))
    bolt = embedded.free_port()
    http = embedded.free_port()
    while http == bolt:
        http = embedded.free_port()
    settings = Settings(
        neo4j_uri=None,
        kg_data_dir=data_dir,
        kg_bolt_port=bolt,
        kg_http_port=http,
        _env_file=None,
    )
    on_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if on_main else None
    try:
        err.print(f"starting a scratch embedded database in {data_dir} ...", highlight=False)
        with graph_errors():
            embedded.start(data_dir, bolt, http)
        yield settings
    finally:
        if on_main:  # a second SIGTERM must not cut the cleanup short
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            embedded.stop(data_dir)
            shutil.rmtree(data_dir, ignore_errors=True)
        finally:
            if on_main and previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _reset(settings: Settings) -> None:
    with graph_errors(), open_store(settings) as store:
        store.delete_all()


def _export(settings: Settings) -> FactsDoc:
    from graph.export import read_document

    with graph_errors(), open_store(settings) as store:
        return read_document(store)


def _write_json(path: Path, data: object) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        fail(f"cannot write {path}: {e.strerror or e}")


def score_corpus(
    scorer: ModuleType,
    corpus: Corpus,
    gold: dict[str, Any],
    settings: Settings,
    workers: int,
    facts_dir: Path | None,
) -> CorpusScore:
    """Empties the scratch graph, loads one corpus into it, exports it and scores the export."""
    _reset(settings)
    err.print(f"[bold]{corpus.name}[/]: loading {corpus.articles} ...", highlight=False)
    report = run_load(
        [corpus.articles],
        corpus.manifest,
        workers,
        settings=settings,
        description=f"loading {corpus.name}",
    )
    for name, reason in report.failed:
        err.print(f"[red]failed[/] {name}: {reason}", highlight=False)
    doc = _export(settings)
    pred_label = f"graph export of {corpus.articles}"
    if facts_dir is not None:
        pred_path = facts_dir / f"{corpus.name}.facts.json"
        _write_json(pred_path, doc)
        pred_label = str(pred_path)
    try:
        result = cast(dict[str, Any], scorer.score(gold, doc))
    except scorer.InputError as e:
        fail(f"score.py rejected {corpus.name} ({corpus.gold}): {e}", code=2)
    exported = {k: len(doc[k]) for k in ("articles", "entities", "events", "relations")}
    text = cast(str, scorer.format_report(result, str(corpus.gold), pred_label))
    return CorpusScore(corpus, report, exported, result, text)


def run_score(
    corpora: Sequence[Corpus],
    scorer_path: Path,
    workers: int = 1,
    facts_dir: Path | None = None,
) -> list[CorpusScore]:
    """Scores each corpus in its own empty graph on a scratch server, never the user's graph."""
    check_inputs(scorer_path, corpora)
    scorer = load_scorer(scorer_path)
    golds = [read_gold(scorer, c.gold) for c in corpora]
    with scratch_database() as settings:
        return [
            score_corpus(scorer, c, gold, settings, workers, facts_dir)
            for c, gold in zip(corpora, golds, strict=True)
        ]


@app.command("score")
def score(
    eval_dir: Annotated[
        Path, typer.Option("--eval", help="folder of score.py and the default gold files")
    ] = DEFAULT_EVAL,
    seeds: Annotated[
        Path | None, typer.Option(help="seed articles folder (default: EVAL/../seeds)")
    ] = None,
    seeds_gold: Annotated[
        Path | None, typer.Option(help="seed gold facts (default: EVAL/seeds.gold.json)")
    ] = None,
    dev: Annotated[
        Path | None, typer.Option(help="dev articles folder (default: EVAL/dev/articles)")
    ] = None,
    dev_gold: Annotated[
        Path | None, typer.Option(help="dev gold facts (default: EVAL/dev/gold.json)")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="write the figures of both corpora to FILE")
    ] = None,
    facts_dir: Annotated[
        Path | None, typer.Option("--facts-dir", help="keep each corpus's export in DIR")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="extraction processes")] = 1,
) -> None:
    """Load, export and score the seeds and the dev set in a scratch database.

    Exit 1 if an article failed.
    """
    corpora = default_corpora(eval_dir, seeds, seeds_gold, dev, dev_gold)
    scores = run_score(corpora, eval_dir / "score.py", workers, facts_dir)
    for s in scores:
        out.print()
        out.rule(s.corpus.name)
        out.print(s.report, markup=False, highlight=False, soft_wrap=True)
    out.print()
    for s in scores:
        out.print(s.summary(), highlight=False, soft_wrap=True)
    if json_out is not None:
        _write_json(json_out, {s.corpus.name: s.figures() for s in scores})
        out.print(f"wrote {json_out}", highlight=False)
    if any(s.load.failed for s in scores):
        raise typer.Exit(1)
