"""`kg generate` and `kg bench` from the command line, and the benchmark's report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.bench_commands  # noqa: F401  (registers generate and bench)
from bench.run import run_benchmark
from kg.cli import app


def test_generate_command_writes_corpus(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    result = CliRunner().invoke(
        app,
        ["generate", "--articles", "12", "--seed", "4", "--out", str(out), "--junk-rate", "0.5"],
    )
    assert result.exit_code == 0, result.output
    assert "wrote 12 articles" in result.output
    assert len(list(out.glob("syn-*.txt"))) == 12
    assert len(json.loads((out / "manifest.json").read_text(encoding="utf-8"))) == 12


def test_generate_command_refuses_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.md").write_text("notes", encoding="utf-8")
    result = CliRunner().invoke(app, ["generate", "--articles", "3", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "keep.md").exists()


@pytest.mark.slow
def test_run_benchmark_reports_every_stage() -> None:
    report = run_benchmark(5, seed=2, workers=2)
    assert report["articles"] == 5 and report["words"] > 0
    stages = [(row["stage"], row["processes"]) for row in report["runs"]]
    assert stages == [("spacy nlp.pipe (ceiling)", 1), ("extraction", 1), ("extraction", 2)]
    for row in report["runs"]:
        assert row["articles_per_s"] > 0 and row["words_per_s"] > 0
    assert report["parallel_speedup"] > 0 and report["share_of_spacy_ceiling"] > 0
    assert report["facts"] > 0
