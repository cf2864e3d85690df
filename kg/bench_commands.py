"""`kg generate` and `kg bench`: the benchmark's commands, present in a source checkout.

The generator and the benchmark live in the top-level `bench` package, which the wheel leaves
out; from a checkout (or an editable install) `kg` offers its commands with their own flags.
"""

from __future__ import annotations

import typer

from kg.console import fail

MISSING = (
    "`kg {name}` needs the benchmark package `bench`, which ships with the source checkout "
    "only: run it from a checkout (`python -m bench {name}`)"
)
CONTEXT = {"ignore_unknown_options": True, "allow_extra_args": True}


def missing_app() -> typer.Typer:
    """Stand-ins for the two commands that fail naming where to find them."""
    app = typer.Typer()

    def register(name: str) -> None:
        @app.command(name, context_settings=CONTEXT, help="(needs the source checkout)")
        def stand_in() -> None:
            fail(MISSING.format(name=name))

    for name in ("generate", "bench"):
        register(name)
    return app


def build_app() -> typer.Typer:
    """The benchmark's commands, or stand-ins that fail naming the checkout they need."""
    try:
        from bench.cli import app
    except ModuleNotFoundError as e:
        if e.name not in ("bench", "bench.cli"):
            raise
        return missing_app()
    return app


app = build_app()
