"""`kg import FILE`: rebuild the graph from a file written by `kg export` (a backup)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from graph.settings import get_settings
from kg.cli import app, fail, graph_errors, open_store, out


def read_backup(path: Path) -> object:
    """The parsed JSON of an export file; one line naming the problem when it cannot be read."""
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        fail(f"{path}: no such file")
    except (OSError, UnicodeDecodeError) as e:
        fail(f"cannot read {path}: {e}")
    except json.JSONDecodeError as e:
        fail(f"{path} is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}")
    except RecursionError:
        fail(f"{path} nests JSON too deeply to be an export")


@app.command("import")
def import_backup(
    path: Annotated[Path, typer.Argument(help="a file written by `kg export`")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge", help="add to a graph that is not empty (articles already there are kept)"
        ),
    ] = False,
) -> None:
    """Rebuild the graph from an export (a backup): into an empty database, or --merge."""
    from graph.backup import import_document

    doc = read_backup(path)
    with graph_errors(), open_store(get_settings()) as store:
        report = import_document(store, doc, allow_existing=merge)
    out.print(
        f"imported {path}: {report.articles} articles written, {report.unchanged} "
        f"unchanged; {report.entities} entities, {report.events} events, "
        f"{report.relations} relations in {report.seconds:.1f} s"
    )


if __name__ == "__main__":
    app()
