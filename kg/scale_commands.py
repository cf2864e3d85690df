"""`kg extract`: articles in, a facts file out (JSON lines), no database needed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph.settings import get_settings
from kg.console import err, fail, out

app = typer.Typer()


@app.command("extract")
def extract(
    paths: Annotated[list[Path], typer.Argument(help="article files or folders (recursive)")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="facts file (JSON lines) to write")],
    manifest: Annotated[
        Path | None, typer.Option(help="manifest.json with article metadata")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="extraction processes")] = 1,
) -> None:
    """Extract facts into a JSON-lines file for `kg load --facts`; exit 1 if any failed."""
    from loaders.errors import LoaderError
    from loaders.facts_file import extract_paths
    from loaders.sources import count_sources, default_manifest, read_manifest

    for p in paths:
        if not p.exists():
            fail(f"{p}: no such file or folder")
    manifest = manifest or default_manifest(paths)
    try:
        if manifest is not None:
            read_manifest(manifest)
        total = count_sources(paths, manifest, get_settings().kg_max_article_bytes)
    except LoaderError as e:
        fail(str(e))
    columns = (
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}"),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("extracting", total=total, name="")

        def progress(done: int, seen: int, name: str) -> None:
            bar.update(task, completed=done, total=max(total, seen), name=name)

        try:
            report = extract_paths(
                paths,
                out_file,
                manifest=manifest,
                workers=workers,
                progress=progress,
                max_bytes=get_settings().kg_max_article_bytes,
                max_chars=get_settings().kg_max_article_chars,
            )
        except LoaderError as e:
            fail(str(e))
        except OSError as e:
            fail(f"cannot write {out_file}: {e.strerror or e}")
    out.print(
        f"wrote {out_file}: {report.written} articles ({report.entities} entities, "
        f"{report.events} events, {report.relations} relations) in "
        f"{report.elapsed_seconds:.1f} s; load it with `kg load --facts {out_file}`"
    )
    for name, reason in report.failed:
        err.print(f"[red]failed[/] {name}: {reason}", highlight=False)
    if report.failed:
        raise typer.Exit(1)
