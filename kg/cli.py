"""The `kg` command line: the composition root that wires graph, loaders and api."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from graph import embedded
from graph.errors import AlreadyRunning, GraphError
from graph.settings import Settings, get_settings
from graph.store import GraphStore

DISTRIBUTION = "event-timeline-kg"
HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
# The commands in the order a newcomer meets them, each under its heading in `kg --help`.
PANELS = {
    "Start": ("demo", "load", "serve"),
    "Query": ("search", "rollcall", "timeline"),
    "Data": ("export", "import", "extract", "delete", "db"),
    "Measure": ("score", "generate", "bench"),
}
ORDER = [name for names in PANELS.values() for name in names]


class CommandGroup(TyperGroup):
    """`kg`'s commands listed in ORDER under the headings of PANELS (not in import order)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        known = [name for name in ORDER if name in self.commands]
        rest = [name for name in self.commands if name not in ORDER]
        self.commands = {name: self.commands[name] for name in known + rest}
        for panel, names in PANELS.items():
            for name in names:
                if name in self.commands:
                    setattr(self.commands[name], "rich_help_panel", panel)  # noqa: B010


app = typer.Typer(
    cls=CommandGroup,
    help="Event timeline knowledge graph: load news articles, query who met whom, "
    "who demanded what and what led to what.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings=HELP_OPTIONS,
)
db_app = typer.Typer(
    help="Manage the embedded database (used when NEO4J_URI is not set).",
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
)
app.add_typer(db_app, name="db")
out = Console()
err = Console(stderr=True)
STOPPED_EXIT = 3  # `kg db status` when the server is not running, as in LSB init scripts


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on stderr naming the problem, then a non-zero exit."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)  # one line
    raise typer.Exit(code)


@contextmanager
def graph_errors() -> Iterator[None]:
    """Turns graph errors into one-line messages and exit code 1."""
    try:
        yield
    except GraphError as e:
        for note in getattr(e, "__notes__", ()):  # e.g. what a load had done when it aborted
            err.print(note, highlight=False)
        fail(str(e))


def installed_version() -> str:
    """The version of the installed distribution ('unknown' when it is not installed)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "unknown"


def print_version(value: bool) -> None:
    """`kg --version`: the version, then exit."""
    if value:
        out.print(f"kg (event-timeline-kg) {installed_version()}", highlight=False)
        raise typer.Exit()


# Loggers whose lines a command reports itself, once and in its own words: the driver logs a
# lost connection as an ERROR before raising, and trafilatura logs a page without text as an
# ERROR that the load summary names as that file's failure.
QUIET_LOGGERS = ("neo4j", "trafilatura")


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="debug logging")] = False,
    _version: Annotated[
        bool,
        typer.Option(
            "--version", callback=print_version, is_eager=True, help="print the version and exit"
        ),
    ] = False,
) -> None:
    """Configure logging for every command."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def ensure_embedded(settings: Settings, quiet: bool = False) -> None:
    """Starts the embedded server when it is the database and is not running."""
    if not settings.embedded or embedded.running(settings.kg_data_dir.resolve()):
        return
    if not quiet:
        err.print(f"starting the embedded database in {settings.kg_data_dir} ...")
    embedded.start(settings.kg_data_dir, settings.kg_bolt_port, settings.kg_http_port)


def open_store(settings: Settings) -> GraphStore:
    """A connected store with the schema applied, starting the embedded server if needed."""
    ensure_embedded(settings)
    store = GraphStore.connect(settings)
    store.ensure_schema()
    return store


# -- kg db


@db_app.command("start")
def db_start() -> None:
    """Start the embedded database server (bound to 127.0.0.1) and wait until Bolt answers."""
    s = get_settings()
    with graph_errors():
        try:
            info = embedded.start(s.kg_data_dir, s.kg_bolt_port, s.kg_http_port)
        except AlreadyRunning as e:
            out.print(f"{e}; nothing to do")
            return
        with GraphStore.connect(s) as store:
            store.ensure_schema()
    out.print(f"embedded database running (pid {info.pid}) at {info.uri}, data in {info.data_dir}")


@db_app.command("stop")
def db_stop() -> None:
    """Stop the embedded database server cleanly."""
    s = get_settings()
    with graph_errors():
        info = embedded.stop(s.kg_data_dir)
    if info is None:
        out.print(f"embedded database is not running (data folder {s.kg_data_dir}); nothing to do")
    else:
        out.print(f"embedded database stopped (was pid {info.pid})")


@db_app.command("status")
def db_status() -> None:
    """Say whether the embedded database runs, where, and how big it is (exit 3 when stopped)."""
    s = get_settings()
    if not s.embedded:
        out.print(f"using Neo4j at {s.neo4j_uri} (NEO4J_URI is set); no embedded database")
        with graph_errors(), GraphStore.connect(s) as store:
            out.print(f"reachable: {store.counts()}")
        return
    info = embedded.running(s.kg_data_dir.resolve())
    size_mb = embedded.data_size(s.kg_data_dir) / 1e6
    if info is None:
        out.print(f"embedded database is stopped (data folder {s.kg_data_dir}, {size_mb:.1f} MB)")
        raise typer.Exit(STOPPED_EXIT)
    out.print(
        f"embedded database running (pid {info.pid}) at {info.uri}, "
        f"data in {info.data_dir} ({size_mb:.1f} MB)"
    )
    with graph_errors(), GraphStore.connect(s) as store:
        counts = store.counts()
    out.print(", ".join(f"{k}: {v}" for k, v in counts.items()))


@db_app.command("reset")
def db_reset(yes: Annotated[bool, typer.Option("--yes", help="confirm")] = False) -> None:
    """Delete every node and edge of the graph."""
    if not yes:
        fail("this deletes the whole graph: run `kg db reset --yes` to confirm", code=2)
    with graph_errors(), open_store(get_settings()) as store:
        store.delete_all()
    out.print("graph emptied")


# -- kg export


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


from kg import backup_commands as _backup_commands  # noqa: E402,F401  (import)
from kg import bench_commands as _bench_commands  # noqa: E402,F401  (generate, bench)
from kg import commands as _commands  # noqa: E402,F401  (registers load, serve, demo)
from kg import query_commands as _query_commands  # noqa: E402,F401  (search, rollcall, timeline)
from kg import scale_commands as _scale_commands  # noqa: E402,F401  (extract)
from kg import score as _score  # noqa: E402,F401  (score)
