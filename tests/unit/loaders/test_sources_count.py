"""count_sources: the total a progress bar shows from the start equals what iter_articles yields."""

from __future__ import annotations

import json
import os
from pathlib import Path

from loaders.sources import count_sources, iter_articles


def test_count_equals_the_sources_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Envoys met in Lorvik on Monday.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>nothing</p>", encoding="utf-8")
    records = [{"id": f"r{i}", "text": f"Talks opened in round {i}."} for i in range(3)]
    (tmp_path / "c.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        "\n".join(json.dumps({"id": f"l{i}", "text": "Talks resumed."}) for i in range(4))
        + "\n\n{broken\n",
        encoding="utf-8",
    )
    (tmp_path / "e.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "f.png").write_bytes(b"\x89PNG")
    os.mkfifo(tmp_path / "g.txt")
    (tmp_path / "manifest.json").write_text("[]", encoding="utf-8")
    read = list(iter_articles([tmp_path], tmp_path / "manifest.json"))
    assert count_sources([tmp_path], tmp_path / "manifest.json") == len(read) == 13
