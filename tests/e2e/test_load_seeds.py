"""`kg load` and `kg export` on the seed articles through the real embedded server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from graph import embedded
from graph.export import read_document
from graph.models import Article
from graph.settings import Settings
from graph.store import GraphStore
from graph.unify import unify_all
from loaders.extract import extract_article
from loaders.sources import iter_articles
from tests.support.merge import facts_document
from tests.support.modules import load_file
from tests.support.paths import REPO, SCORER, SEEDS
from tests.support.seeded import load_seeds


def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"the scorer is not at {SCORER}")
    return load_file("score", SCORER)


def kg(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    info = embedded.running(settings.kg_data_dir.resolve())
    assert info is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(
        KG_DATA_DIR=str(settings.kg_data_dir),
        KG_BOLT_PORT=str(info.bolt_port),
        KG_HTTP_PORT=str(info.http_port),
    )
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )


def test_cli_load_export_and_reload(
    store: GraphStore, graph_settings: Settings, tmp_path: Path
) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    first = kg(graph_settings, "load", str(SEEDS), "--manifest", str(SEEDS / "manifest.json"))
    assert first.returncode == 0, first.stderr
    assert "loaded" in first.stdout
    again = kg(graph_settings, "load", str(SEEDS))
    assert again.returncode == 0, again.stderr
    assert store.counts()["Article"] == 5
    out = tmp_path / "facts.json"
    exported = kg(graph_settings, "export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    scorer().validate(doc)
    assert {a["id"] for a in doc["articles"]} == {p.stem for p in SEEDS.glob("*.txt")}


def test_database_export_scores_like_the_extraction_in_memory(store: GraphStore) -> None:
    load_seeds(store)
    facts = [
        extract_article(a)
        for a in iter_articles([SEEDS], manifest=SEEDS / "manifest.json")
        if isinstance(a, Article)
    ]
    score = scorer()
    gold = json.loads((SEEDS.parent / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    from_db: dict[str, Any] = score.score(gold, read_document(store))
    in_memory: dict[str, Any] = score.score(gold, facts_document(unify_all(facts)))
    for key in ("entities", "events", "relations", "event_dates"):
        assert from_db[key]["f1"] == in_memory[key]["f1"], key
    assert from_db["entities"]["f1"] >= 0.90


def test_changed_article_is_updated_and_others_kept(store: GraphStore, tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed articles are not at {SEEDS}")
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    from loaders.pipeline import load_paths

    first = load_paths([corpus], store, manifest=corpus / "manifest.json")
    assert len(first.loaded) == 5
    before = read_document(store)
    target = sorted(corpus.glob("*.txt"))[2]
    text = target.read_text(encoding="utf-8")
    assert "\n\n" in text
    target.write_text(
        text.replace("\n\n", "\n\nA new paragraph was added here.\n\n", 1), encoding="utf-8"
    )
    second = load_paths([corpus], store, manifest=corpus / "manifest.json")
    assert second.updated == [target.stem] and len(second.unchanged) == 4
    after = read_document(store)
    untouched = [e for e in before["entities"] if target.stem not in e["articles"]]
    assert all(e in after["entities"] for e in untouched)
