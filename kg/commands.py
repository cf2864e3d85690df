"""`kg load`, `kg serve` and `kg demo`: the commands that wire loaders and api to the graph."""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from pydantic import BaseModel, ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.models import ArticleFacts
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from kg.console import err, fail, graph_errors, out
from kg.db_commands import open_store

if TYPE_CHECKING:
    from api.settings import ApiSettings
    from loaders.pipeline import LoadReport

app = typer.Typer()

SEEDS_HINT = (
    "no articles at {path}. Point `kg demo` at a folder of .txt/.html/.json articles, e.g. the "
    "seed articles: `kg demo ../shared/seeds` (with their manifest.json beside them)."
)


def run_load(
    paths: list[Path],
    manifest: Path | None,
    workers: int,
    facts: Path | None = None,
    batch_size: int = 64,
    settings: Settings | None = None,
    description: str = "loading",
    id_prefix: str = "",
) -> LoadReport:
    """Loads articles (or a facts file) into the graph with a progress bar; returns the report.

    The inputs and the manifest are checked before the database is started, so a mistyped
    path is reported at once.
    """
    from loaders.errors import LoaderError
    from loaders.pipeline import load_facts, load_paths
    from loaders.sources import count_sources, default_manifest, read_manifest

    for p in [*paths, *([facts] if facts else [])]:
        if not p.exists():
            fail(f"{p}: no such file or folder")
    settings = settings or get_settings()
    manifest = manifest or (default_manifest(paths) if facts is None else None)
    try:
        if manifest is not None:
            read_manifest(manifest)
        total = (
            count_sources(paths, manifest, settings.kg_max_article_bytes)
            if facts is None
            else count_lines(facts)
        )
    except LoaderError as e:
        fail(str(e))
    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[name]}"),
    )
    with (
        graph_errors(),
        open_store(settings) as store,
        Progress(*columns, console=err, transient=True) as bar,
    ):
        task = bar.add_task(description, total=total, name="")

        def progress(done: int, seen: int, name: str) -> None:
            bar.update(task, completed=done, total=max(total or 0, seen), name=name)

        try:
            if facts is not None:
                report = load_facts(facts, store, progress=progress, batch_size=batch_size)
            else:
                report = load_paths(
                    paths,
                    store,
                    manifest=manifest,
                    workers=workers,
                    progress=progress,
                    max_bytes=settings.kg_max_article_bytes,
                    batch_size=batch_size,
                    id_prefix=id_prefix,
                    max_chars=settings.kg_max_article_chars,
                )
        except LoaderError as e:
            fail(str(e))
        except OSError as e:
            fail(f"cannot read {facts or 'the articles'}: {e.strerror or e}")
        return report


def count_lines(path: Path) -> int | None:
    """The lines holding something in a facts file (None when it cannot be read)."""
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


def read_totals(settings: Settings | None = None) -> dict[str, int]:
    """Nodes per label in the graph now (the counts `kg export` writes for them)."""
    with graph_errors(), GraphStore.connect(settings or get_settings()) as store:
        return store.counts()


def print_report(
    report: LoadReport, workers: int = 1, totals: dict[str, int] | None = None
) -> None:
    """The load summary: what was loaded, unchanged, updated and failed, and what was written.

    Failed sources are listed once, here (the loaders log them at INFO only).
    """
    table = Table(title="load summary", show_header=False)
    for key in ("loaded", "unchanged", "updated"):
        table.add_row(key, str(len(getattr(report, key))))
    table.add_row("failed", str(len(report.failed)))
    table.add_row(
        "facts extracted, summed over the articles written",
        f"{report.entities} entities, {report.events} events, {report.relations} relations",
    )
    if totals is not None:
        table.add_row(
            "in the graph now (one node per entity or event, however many articles state it)",
            f"{totals.get('Article', 0)} articles, {totals.get('Entity', 0)} entities, "
            f"{totals.get('Event', 0)} events",
        )
    extracting = "seconds extracting" + (
        f" (summed over {workers} worker processes)" if workers > 1 else ""
    )
    table.add_row(extracting, f"{report.extract_seconds:.1f}")
    table.add_row("seconds writing", f"{report.write_seconds:.1f}")
    table.add_row("seconds in all (wall clock)", f"{report.elapsed_seconds:.1f}")
    out.print(table)
    for name, reason in report.failed:
        err.print(f"[red]failed[/] {name}: {reason}", highlight=False)
    if note := report.replaced_note():
        err.print(f"[yellow]note[/] {note}", highlight=False)


@app.command("load")
def load(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="article files or folders (recursive)")
    ] = None,
    manifest: Annotated[
        Path | None, typer.Option(help="manifest.json with article metadata")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="extraction processes")] = 1,
    facts: Annotated[
        Path | None,
        typer.Option(
            "--facts", help="write a facts file made by `kg extract` instead of reading articles"
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=10_000, help="articles per write transaction")
    ] = 64,
    id_prefix: Annotated[
        str,
        typer.Option(
            "--id-prefix", help="put before every article id, e.g. to keep two corpora apart"
        ),
    ] = "",
) -> None:
    """Load articles (.txt, .html, .json, .jsonl) or a facts file; exit 1 if any failed."""
    from graph.models import article_id_problem

    if bool(paths) == (facts is not None):
        fail("give article PATHS or --facts FILE (one of the two)", code=2)
    if id_prefix and (problem := article_id_problem(id_prefix + "x")):
        fail(f"--id-prefix {id_prefix!r} cannot start article ids: {problem}", code=2)
    report = run_load(paths or [], manifest, workers, facts, batch_size, id_prefix=id_prefix)
    print_report(report, workers, read_totals())
    if report.failed:
        raise typer.Exit(1)


@app.command("delete")
def delete(
    article_ids: Annotated[list[str], typer.Argument(help="ids of the articles to delete")],
) -> None:
    """Delete articles and the facts only they state; exit 1 if one was not in the graph."""
    with graph_errors(), open_store(get_settings()) as store:
        missing = [aid for aid in article_ids if not store.delete_article(aid)]
    deleted = len(article_ids) - len(missing)
    out.print(f"deleted {deleted} article{'s' * (deleted != 1)}", highlight=False)
    if missing:
        fail("not in the graph, so not deleted: " + ", ".join(repr(a) for a in missing))


def bind_listener(host: str, port: int) -> socket.socket:
    """The API's listening socket, bound before anything starts; one line when it cannot be."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family=family)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            fail(
                f"port {port} on {host} is already in use (another `kg serve`?); "
                "stop that server or choose another port with --port"
            )
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    except (socket.gaierror, OverflowError) as e:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {e}")
    sock.set_inheritable(True)
    return sock


def read_api_settings() -> ApiSettings:
    """The API's settings; one line naming each refused value (a short KG_API_KEY, say)."""
    from api.settings import get_api_settings

    try:
        return get_api_settings()
    except ValidationError as e:
        fail("; ".join(str(problem["msg"]).removeprefix("Value error, ") for problem in e.errors()))


def run_server(host: str, port: int, sock: socket.socket | None = None) -> None:
    """Serves the API and the page with uvicorn until interrupted."""
    import uvicorn

    from api.main import create_app

    settings = read_api_settings()
    sock = sock or bind_listener(host, port)
    with graph_errors():
        open_store(settings).close()
    config = uvicorn.Config(
        create_app(settings, ingest=ingest_posted), host=host, port=port, log_level="warning"
    )
    out.print(f"serving on http://{host}:{port}/  (API docs at http://{host}:{port}/docs)")
    with sock:
        uvicorn.Server(config).run(sockets=[sock])


def ingest_posted(body: BaseModel) -> ArticleFacts:
    """POST /articles: the posted record goes through the same cleaning and extraction as files."""
    from loaders.pipeline import extract_record

    return extract_record(body.model_dump(), max_chars=get_settings().kg_max_article_chars)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the HTTP API and the browser page."""
    run_server(host, port)


@app.command("demo")
def demo(
    path: Annotated[Path, typer.Argument(help="articles to load")] = Path("../shared/seeds"),
    manifest: Annotated[
        Path | None, typer.Option(help="manifest.json with article metadata")
    ] = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Start the embedded database if needed, load the articles at PATH, then serve API and page."""
    from loaders.sources import FORMATS, MANIFEST_NAME

    has_articles = path.is_file() or (
        path.is_dir()
        and any(p.suffix in FORMATS and p.name != MANIFEST_NAME for p in path.rglob("*"))
    )
    if not has_articles:
        fail(SEEDS_HINT.format(path=path))
    read_api_settings()  # a refused setting is told before the load, not after it
    sock = bind_listener(host, port)  # a busy port is told before the load, not after it
    report = run_load([path], manifest, workers=1)
    print_report(report, totals=read_totals())
    run_server(host, port, sock)
