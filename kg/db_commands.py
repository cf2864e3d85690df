"""`kg db start|stop|status|reset`, and the connected store every database command opens."""

from __future__ import annotations

from typing import Annotated

import typer

from graph import embedded
from graph.errors import AlreadyRunning
from graph.settings import Settings, get_settings
from graph.store import GraphStore
from kg.console import HELP_OPTIONS, err, fail, graph_errors, out

STOPPED_EXIT = 3  # `kg db status` when the server is not running, as in LSB init scripts

app = typer.Typer(
    help="Manage the embedded database (used when NEO4J_URI is not set).",
    no_args_is_help=True,
    context_settings=HELP_OPTIONS,
)


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


@app.command("start")
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


@app.command("stop")
def db_stop() -> None:
    """Stop the embedded database server cleanly."""
    s = get_settings()
    with graph_errors():
        info = embedded.stop(s.kg_data_dir)
    if info is None:
        out.print(f"embedded database is not running (data folder {s.kg_data_dir}); nothing to do")
    else:
        out.print(f"embedded database stopped (was pid {info.pid})")


@app.command("status")
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


@app.command("reset")
def db_reset(yes: Annotated[bool, typer.Option("--yes", help="confirm")] = False) -> None:
    """Delete every node and edge of the graph."""
    if not yes:
        fail("this deletes the whole graph: run `kg db reset --yes` to confirm", code=2)
    with graph_errors(), open_store(get_settings()) as store:
        store.delete_all()
    out.print("graph emptied")
