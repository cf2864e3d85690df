"""The embedded server's files are readable by their owner only, and it runs in production
mode (not ArcadeDB's default development mode)."""

from __future__ import annotations

import stat
from pathlib import Path

from graph import embedded
from graph.settings import Settings
from graph.store import GraphStore


def test_database_files_are_owner_only(graph_settings: Settings, store: GraphStore) -> None:
    data_dir = Path(graph_settings.kg_data_dir)
    assert stat.S_IMODE(data_dir.stat().st_mode) & 0o077 == 0, oct(data_dir.stat().st_mode)
    open_to_others = [
        str(p) for p in (data_dir / "arcadedb").rglob("*") if stat.S_IMODE(p.stat().st_mode) & 0o077
    ]
    assert not open_to_others, open_to_others[:5]


def test_server_runs_in_production_mode(graph_settings: Settings) -> None:
    log = embedded.log_file(Path(graph_settings.kg_data_dir)).read_text(errors="replace")
    assert "'production' mode" in log or "production mode" in log.lower(), log[-2000:]
