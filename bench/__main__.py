"""`python -m bench generate` writes a synthetic corpus; `python -m bench bench` measures."""

from bench.cli import app

app(prog_name="python -m bench")
