"""The `kg` command line: the composition root that wires graph, loaders and api."""

from __future__ import annotations

import logging
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from kg import (
    backup_commands,
    bench_commands,
    commands,
    db_commands,
    query_commands,
    scale_commands,
    score,
)
from kg.console import HELP_OPTIONS, out

DISTRIBUTION = "event-timeline-kg"
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


for module_app in (
    commands.app,
    query_commands.app,
    backup_commands.app,
    scale_commands.app,
    score.app,
    bench_commands.app,
):
    app.add_typer(module_app)
app.add_typer(db_commands.app, name="db")
