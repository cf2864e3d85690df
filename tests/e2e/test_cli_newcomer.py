"""The command line as a newcomer meets it: errors told once and early, a progress bar that
knows its total, a summary that says what it counts, a busy port in one line, --version, -h."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import embedded
from graph.embedded import free_port
from graph.settings import Settings
from graph.store import GraphStore
from kg.cli import ORDER, app
from tests.support.paths import REPO, SEEDS

KG = [sys.executable, "-m", "kg"]
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def kg(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO
    )


def clean_env(data_dir: Path, bolt_port: int, http_port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        KG_DATA_DIR=str(data_dir),
        KG_BOLT_PORT=str(bolt_port),
        KG_HTTP_PORT=str(http_port),
        COLUMNS="200",
    )
    return env


@pytest.fixture
def fresh_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A `kg` with a data folder of its own and no server; any server it starts is stopped."""
    env = clean_env(tmp_path / "data", free_port(), free_port())
    yield env
    embedded.stop(Path(env["KG_DATA_DIR"]))


@pytest.fixture
def session_env(store: GraphStore, graph_settings: Settings) -> dict[str, str]:
    """A `kg` on the session's running server, its graph emptied."""
    return clean_env(
        graph_settings.kg_data_dir, graph_settings.kg_bolt_port, graph_settings.kg_http_port
    )


def corpus(tmp_path: Path, bad: bool = True) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SEED_FILES[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    if bad:
        (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    return folder


def test_missing_manifest_is_told_once_before_the_database_starts(
    fresh_env: dict[str, str], tmp_path: Path
) -> None:
    result = kg(fresh_env, "load", str(corpus(tmp_path)), "--manifest", str(tmp_path / "no.json"))
    assert result.returncode == 1
    assert result.stderr.count("no.json") == 1, result.stderr
    assert "file not found" in result.stderr
    assert "starting the embedded database" not in result.stderr
    assert embedded.running(Path(fresh_env["KG_DATA_DIR"]).resolve()) is None


def test_bad_files_are_listed_once(session_env: dict[str, str], tmp_path: Path) -> None:
    result = kg(session_env, "load", str(corpus(tmp_path)))
    assert result.returncode == 1
    assert result.stderr.count("broken.txt") == 1, result.stderr
    assert "binary file" in result.stderr


def test_progress_bar_shows_the_known_total_from_the_start(
    session_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**session_env, "FORCE_COLOR": "1", "TTY_INTERACTIVE": "1"}
    result = kg(env, "load", str(corpus(tmp_path)))
    assert result.returncode == 1
    plain = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", result.stderr)
    shown = set(re.findall(r"(\d+)/(\d+|\?)(?!\d)", plain))
    assert shown, plain
    assert all(total == "4" for _, total in shown), shown
    assert ("0", "4") in shown


def test_summary_says_what_it_counts_and_matches_the_export(
    session_env: dict[str, str], tmp_path: Path
) -> None:
    result = kg(session_env, "load", str(corpus(tmp_path, bad=False)), "--workers", "2")
    assert result.returncode == 0, result.stderr
    summary = " ".join(result.stdout.split())
    assert "facts extracted, summed over the articles written" in summary
    assert "seconds extracting (summed over 2 worker processes)" in summary
    assert "seconds in all (wall clock)" in summary
    exported = tmp_path / "export.json"
    assert kg(session_env, "export", "--out", str(exported)).returncode == 0
    doc = json.loads(exported.read_text(encoding="utf-8"))
    now = re.search(r"(\d+) articles, (\d+) entities, (\d+) events", summary)
    assert now is not None, summary
    assert [int(n) for n in now.groups()] == [
        len(doc["articles"]),
        len(doc["entities"]),
        len(doc["events"]),
    ]


def test_serve_on_a_busy_port_says_so_in_one_line(fresh_env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = kg(fresh_env, "serve", "--port", str(port), timeout=60)
    assert result.returncode == 1
    assert "serving on" not in result.stdout
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"port {port}" in lines[0] and "in use" in lines[0], lines
    assert embedded.running(Path(fresh_env["KG_DATA_DIR"]).resolve()) is None


def test_version_and_short_help() -> None:
    runner = CliRunner()
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and re.search(r"\d+\.\d+\.\d+", version.output)
    for args in (["-h"], ["load", "-h"], ["db", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output, (args, result.output)


def test_commands_are_listed_in_the_order_a_newcomer_meets_them() -> None:
    output = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    found = [m.group(1) for m in re.finditer(r"^│ (\w+) ", output, re.MULTILINE)]
    commands = [name for name in found if name in ORDER]
    assert commands == [name for name in ORDER if name in commands], commands
    assert commands[:3] == ["demo", "load", "serve"], commands
    for heading in ("Start", "Query", "Data", "Measure"):
        assert f"─ {heading} ─" in output
