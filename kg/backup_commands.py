"""`kg export` and `kg import FILE`: the whole graph to a facts JSON file and back (a backup)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from graph.settings import get_settings
from kg.console import fail, graph_errors, out
from kg.db_commands import open_store

app = typer.Typer()


@app.command("export")
def export(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="facts JSON to write")],
) -> None:
    """Write the whole graph as a facts JSON document (the shape scored by score.py)."""
    from graph.export import read_document

    with graph_errors(), open_store(get_settings()) as store:
        doc = read_document(store)
    tmp = out_file.with_name(out_file.name + ".tmp")
    try:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, out_file)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        fail(f"cannot write {out_file}: {e.strerror or e}")
    out.print(
        f"wrote {out_file}: {len(doc['articles'])} articles, {len(doc['entities'])} "
        f"entities, {len(doc['events'])} events, {len(doc['relations'])} relations"
    )


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
