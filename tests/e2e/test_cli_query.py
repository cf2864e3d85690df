"""`kg search`, `kg rollcall`, `kg timeline` and `kg delete` on the session's server, against
the invented world of the API tests: tables, JSON equal to the API's answers, errors naming the
input."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from graph import reads
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from kg.cli import app
from tests.support.worlds import A1


@pytest.fixture
def run(
    world: GraphStore, graph_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Any]:
    """Runs a `kg` command in this process against the session's server, holding the world."""
    for name in list(os.environ):
        if name.startswith(("NEO4J_", "KG_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KG_DATA_DIR", str(graph_settings.kg_data_dir))
    monkeypatch.setenv("KG_BOLT_PORT", str(graph_settings.kg_bolt_port))
    monkeypatch.setenv("KG_HTTP_PORT", str(graph_settings.kg_http_port))
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args), env={"COLUMNS": "250"})

    yield invoke
    get_settings.cache_clear()


def test_search_prints_a_table_of_matches(run: Any) -> None:
    result = run("search", "brandt")
    assert result.exit_code == 0, result.output
    assert "ana-lucia-brandt" in result.stdout and "chief negotiator" in result.stdout


def test_search_json_is_the_read_behind_the_api(run: Any, world: GraphStore) -> None:
    result = run("search", "ostria", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found == reads.search_entities(world, "ostria").model_dump(mode="json")
    assert {"ostria", "ostrian-delegation"} <= {e["id"] for e in found["items"]}


def test_search_text_without_letters_is_refused_naming_it(run: Any) -> None:
    result = run("search", "!!!")
    assert result.exit_code == 2
    assert "'!!!'" in result.output and "no letter or digit" in result.output


def test_rollcall_lists_the_rounds_then_gives_one_roll_call(run: Any) -> None:
    rounds = run("rollcall")
    assert rounds.exit_code == 0, rounds.output
    for round_id in ("veltara-round-1", "carnisport-round-2", "secret-meeting"):
        assert round_id in rounds.stdout
    roll = run("rollcall", "veltara-round-1")
    assert roll.exit_code == 0, roll.output
    assert "Ana Lúcia Brandt" in roll.stdout and "MEMBER_OF ostrian-delegation" in roll.stdout


def test_rollcall_json_is_the_read_behind_the_api(run: Any, world: GraphStore) -> None:
    result = run("rollcall", "veltara-round-1", "--json")
    assert result.exit_code == 0, result.output
    roll = json.loads(result.stdout)
    assert roll == reads.read_round_attendees(world, "veltara-round-1").model_dump(mode="json")
    assert "ana-lucia-brandt" in {a["id"] for a in roll["attendees"]}
    listed = run("rollcall", "--json")
    assert json.loads(listed.stdout) == reads.read_rounds(world).model_dump(mode="json")


def test_rollcall_of_an_unknown_round_names_it(run: Any) -> None:
    for unknown in ("no-such-round", "mirren-killing"):  # the second is an event, not talks
        result = run("rollcall", unknown)
        assert result.exit_code == 1
        assert repr(unknown) in result.output and "kg rollcall" in result.output
        assert "Traceback" not in result.output


def test_timeline_between_two_days(run: Any, world: GraphStore) -> None:
    result = run("timeline", "--from", "2024-04-01", "--to", "2024-12-31", "--json")
    assert result.exit_code == 0, result.output
    page = reads.read_timeline(world, date_from="2024-04-01", date_to="2024-12-31")
    assert json.loads(result.stdout) == page.model_dump(mode="json")
    events = [e.model_dump(mode="json") for e in page.items]
    assert events, "the world has events in that span"
    assert all("2024-04-01" <= e["date_start"] <= "2024-12-31" for e in events)
    table = run("timeline", "--from", "2024-04-01", "--to", "2024-12-31")
    assert table.exit_code == 0
    for event in events:
        assert event["date"] in table.stdout


def test_timeline_refuses_bad_dates_naming_them(run: Any) -> None:
    for args, named in (
        (("--from", "2024-13-01"), "--from '2024-13-01'"),
        (("--to", "2024-02-30"), "--to '2024-02-30'"),
        (("--from", "yesterday"), "--from 'yesterday'"),
        (("--from", "2024-01-01T00:00"), "--from '2024-01-01T00:00'"),
        (("--from", "2024-05-01", "--to", "2024-04-01"), "--from 2024-05-01 is after --to"),
    ):
        result = run("timeline", *args)
        assert result.exit_code == 2, (args, result.output)
        assert named in " ".join(result.output.split()), (args, result.output)


def test_timeline_of_an_unknown_actor_names_it(run: Any) -> None:
    result = run("timeline", "--actor", "nobody-at-all")
    assert result.exit_code == 1
    assert "'nobody-at-all'" in result.output and "kg search" in result.output


def test_delete_takes_an_article_and_its_own_facts_away(run: Any, world: GraphStore) -> None:
    assert world.article_hash(A1) is not None
    result = run("delete", A1, "never-loaded")
    assert result.exit_code == 1
    assert "deleted 1 article" in result.output and "'never-loaded'" in result.output
    assert world.article_hash(A1) is None
