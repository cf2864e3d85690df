"""`kg db start|status|stop` as a user runs them, on a data folder of its own."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import embedded
from graph.embedded import free_port
from graph.errors import EmbeddedServerError
from graph.settings import Settings
from graph.store import GraphStore
from tests.support.factories import talks_article
from tests.support.paths import REPO

KG = [sys.executable, "-m", "kg"]


@pytest.fixture
def kg_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for a `kg` with its own data folder and ports; its server is stopped after."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        KG_DATA_DIR=str(tmp_path / "data"),
        KG_BOLT_PORT=str(free_port()),
        KG_HTTP_PORT=str(free_port()),
    )
    yield env
    embedded.stop(Path(env["KG_DATA_DIR"]))


def kg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        cwd=REPO,
    )


def test_db_start_status_stop_twice_each(kg_env: dict[str, str]) -> None:
    first = kg(kg_env, "db", "start")
    assert first.returncode == 0, first.stderr
    assert "running" in first.stdout
    again = kg(kg_env, "db", "start")
    assert again.returncode == 0 and "already running" in again.stdout
    status = kg(kg_env, "db", "status")
    assert status.returncode == 0 and "running" in status.stdout and "Article: 0" in status.stdout
    stopped = kg(kg_env, "db", "stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    stopped_again = kg(kg_env, "db", "stop")
    assert stopped_again.returncode == 0 and "not running" in stopped_again.stdout
    status = kg(kg_env, "db", "status")
    assert status.returncode == 3 and "stopped" in status.stdout


def test_data_survives_a_restart(kg_env: dict[str, str]) -> None:
    assert kg(kg_env, "db", "start").returncode == 0
    settings = Settings(kg_data_dir=Path(kg_env["KG_DATA_DIR"]), _env_file=None)
    facts = talks_article("persisted-1")
    with GraphStore.connect(settings) as store:
        store.write_article(facts)
    assert kg(kg_env, "db", "stop").returncode == 0
    assert kg(kg_env, "db", "start").returncode == 0
    with GraphStore.connect(settings) as store:
        assert store.article_hash("persisted-1") == facts.article.content_hash
        assert store.counts()["Entity"] == 4


def test_busy_port_gets_one_line_naming_it(kg_env: dict[str, str]) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", int(kg_env["KG_BOLT_PORT"])))
        s.listen()
        result = kg(kg_env, "db", "start")
    assert result.returncode == 1
    assert f"port {kg_env['KG_BOLT_PORT']}" in result.stderr and "KG_BOLT_PORT" in result.stderr
    assert "Traceback" not in result.stderr


def test_stale_state_file_is_detected(kg_env: dict[str, str]) -> None:
    data = Path(kg_env["KG_DATA_DIR"])
    data.mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (data / "server.json").write_text(json.dumps({"pid": dead.pid, "bolt_port": 1, "http_port": 2}))
    status = kg(kg_env, "db", "status")
    assert status.returncode == 3 and "stopped" in status.stdout
    assert not (data / "server.json").exists()


def test_commands_without_database_say_how_to_start_it(kg_env: dict[str, str]) -> None:
    settings = Settings(kg_data_dir=Path(kg_env["KG_DATA_DIR"]), _env_file=None)
    with pytest.raises(Exception, match="kg db start"):
        GraphStore.connect(settings)


def test_unreachable_neo4j_gets_one_line(kg_env: dict[str, str]) -> None:
    env = {**kg_env, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "x"}
    result = kg(env, "db", "status")
    assert result.returncode == 1
    assert "cannot be reached" in result.stderr and "Traceback" not in result.stderr


def test_missing_java_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "jars").mkdir()
    with pytest.raises(EmbeddedServerError, match=r"Java files are missing .*jre.*reinstall"):
        embedded.check_java_files(tmp_path)
    embedded.check_java_files()  # the installed package has them


def test_full_disk_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with pytest.raises(EmbeddedServerError, match="MB free on the disk"):
        embedded.start(data, free_port(), free_port(), min_free_bytes=2**62)
    assert not (data / "server.json").exists() and not (data / "password").exists()
