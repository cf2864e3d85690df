"""A tiny run of the whole benchmark: it runs end to end and its report is valid JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import kg.bench_commands  # noqa: F401  (registers bench)
from bench.facts import iter_event_facts, iter_facts
from bench.http_load import percentile
from kg.cli import app


def test_bench_smoke_run_writes_valid_json_report(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app, ["bench", "--articles", "4", "--events", "60", "--requests", "4", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [row["workers"] for row in report["ingest"]] == [1, 2]
    assert all(row["failed"] == 0 and row["articles"] == 4 for row in report["ingest"])
    assert report["writes"]["rows"] > 0 and report["writes"]["single_rows"] > 0
    [scale] = report["queries"]
    assert scale["events"] >= 60
    endpoints = {row["endpoint"]: row for row in scale["queries"]}
    for name in (
        "timeline page",
        "roll call",
        "entity profile",
        "busiest entity profiles",
        "event chain depth 5",
    ):
        for run in ("uncached_one_client", "uncached_eight_clients", "one_client"):
            measured = endpoints[name][run]
            assert measured["requests"] >= 1 and measured["errors"] == 0, (name, run)
            assert measured["p99_ms"] >= measured["p50_ms"] > 0, (name, run)
    assert scale["disk_mb"] > 0 and scale["peak_mb"]["api"] > 0
    post = scale["after_post"]
    assert post["post_status"] in (200, 201) and post["urls"] > 0
    assert post["cached_before_post"] == 1.0  # every question asked again was cached
    assert 0.0 <= post["cached_after_post"] <= 1.0
    assert post["next_100"]["requests"] >= 1 and post["next_100"]["p99_ms"] > 0
    assert "HTTP queries at" in result.output


def test_event_facts_link_every_event_once_with_its_evidence() -> None:
    facts = list(iter_event_facts(40, seed=3))
    main_ids = [f.events[0].id for f in facts]
    assert len(main_ids) == len(set(main_ids)) >= 40
    for f in facts:
        for relation in f.relations:
            ev = relation.evidence
            assert f.article.text[ev.start : ev.end] == ev.sentence


def test_rendered_facts_quote_their_own_article() -> None:
    for f in iter_facts(12, seed=5):
        for relation in f.relations:
            ev = relation.evidence
            assert ev.article_id == f.article.id
            assert f.article.text[ev.start : ev.end] == ev.sentence


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([], 99) == 0.0
