"""`kg score` on the real embedded server scores exactly what the in-memory merge of facts does."""

from __future__ import annotations

import json
import os
import re
import signal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph import embedded
from graph.models import Article
from graph.unify import unify_all
from kg.cli import app
from kg.score import MEASURES, Corpus, default_corpora, load_scorer, scratch_database
from loaders.extract import extract_article
from loaders.sources import iter_articles
from tests.support.merge import facts_document
from tests.support.paths import REPO

EVAL = REPO.parent / "shared" / "eval"
CORPORA = default_corpora(EVAL)

pytestmark = pytest.mark.skipif(
    not (EVAL / "score.py").is_file()
    or not all(c.gold.is_file() and c.manifest is not None for c in CORPORA),
    reason=f"the shared evaluation folder is not complete at {EVAL}",
)


def in_memory_scores(corpus: Corpus) -> dict[str, Any]:
    articles = [
        a
        for a in iter_articles([corpus.articles], manifest=corpus.manifest)
        if isinstance(a, Article)
    ]
    document = facts_document(unify_all(extract_article(a) for a in articles))
    gold = json.loads(corpus.gold.read_text(encoding="utf-8"))
    result: dict[str, Any] = load_scorer(EVAL / "score.py").score(gold, document)
    return result


@pytest.mark.slow
def test_score_through_the_database_equals_the_in_memory_merge(tmp_path: Path) -> None:
    figures_file = tmp_path / "figures.json"
    result = CliRunner().invoke(app, ["score", "--eval", str(EVAL), "--json", str(figures_file)])
    assert result.exit_code == 0, result.stderr + result.stdout
    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert list(figures) == ["seeds", "dev"]
    for corpus in CORPORA:
        expected = in_memory_scores(corpus)
        got = figures[corpus.name]["scores"]
        for measure in MEASURES:
            assert got[measure] == expected[measure], (corpus.name, measure)
        assert got == json.loads(json.dumps(expected)), corpus.name
        f1 = ", ".join(f"{m} F1 {expected[m]['f1']:.3f}" for m in MEASURES)
        assert f"{corpus.name}: {f1} (" in result.stdout
        assert f"gold: {corpus.gold}" in result.stdout
    scratch = re.search(r"scratch embedded database in (\S+) \.\.\.", result.stderr)
    assert scratch is not None, result.stderr
    assert not Path(scratch.group(1)).exists()


def test_missing_shared_folder_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no-shared" / "eval"
    result = CliRunner().invoke(app, ["score", "--eval", str(missing)])
    assert result.exit_code == 2
    assert str(missing) in result.stderr and "scratch" not in result.stderr


def test_missing_gold_is_named(tmp_path: Path) -> None:
    gold = tmp_path / "dev-gold.json"
    result = CliRunner().invoke(app, ["score", "--eval", str(EVAL), "--dev-gold", str(gold)])
    assert result.exit_code == 2
    assert str(gold) in result.stderr and "--dev-gold" in result.stderr


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_scratch_server_is_stopped_and_removed_when_interrupted(how: str) -> None:
    with pytest.raises(KeyboardInterrupt), scratch_database() as settings:  # noqa: PT012
        data_dir = settings.kg_data_dir.resolve()
        info = embedded.running(data_dir)
        assert info is not None
        if how == "sigterm":
            os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt
    assert not data_dir.exists()
    assert info is not None
    assert not Path(f"/proc/{info.pid}").exists()


def test_invalid_gold_is_named_before_any_server_starts(tmp_path: Path) -> None:
    gold = tmp_path / "seeds-gold.json"
    gold.write_text('{"entities": [], "events": []}', encoding="utf-8")
    result = CliRunner().invoke(app, ["score", "--eval", str(EVAL), "--seeds-gold", str(gold)])
    assert result.exit_code == 2
    assert str(gold) in result.stderr and "relations" in result.stderr
    assert "scratch" not in result.stderr
