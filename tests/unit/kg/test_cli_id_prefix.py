"""`kg load --id-prefix`: a prefix that would make ids break the id rule is refused at once."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app


def test_id_prefix_that_breaks_the_id_rule_is_refused_before_the_database(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Envoys met in Lorvik on Monday.")
    result = CliRunner().invoke(app, ["load", str(tmp_path), "--id-prefix", "x/"])
    assert result.exit_code == 2, result.output
    assert "--id-prefix" in result.output and "'/'" in result.output
