"""What every `kg` command shares: the two consoles, one-line failures, graph errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console

from graph.errors import GraphError

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}
out = Console()
err = Console(stderr=True)


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
