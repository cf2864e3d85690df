"""Extraction quality on the five seed articles, measured by the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from graph.export import facts_document
from graph.models import Article
from loaders.extract import extract_article
from loaders.sources import iter_articles

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"
THRESHOLDS = {"entities": 0.95, "events": 0.85, "relations": 0.80, "event_dates": 0.90}

pytestmark = pytest.mark.skipif(
    not (SEEDS / "manifest.json").exists() or not SCORER.exists(),
    reason="seed articles or scorer not found beside the repo (../shared/seeds, ../shared/eval)",
)


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("seed_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, Any]:
    articles = [
        a
        for a in iter_articles([SEEDS], manifest=SEEDS / "manifest.json")
        if isinstance(a, Article)
    ]
    assert len(articles) == 5
    document = facts_document(extract_article(a) for a in articles)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    result: dict[str, Any] = _load_scorer().score(gold, document)
    return result


def _figures(scores: dict[str, Any]) -> str:
    return ", ".join(
        f"{k}: P={scores[k]['precision']:.3f} R={scores[k]['recall']:.3f} F1={scores[k]['f1']:.3f}"
        for k in THRESHOLDS
    )


@pytest.mark.slow
@pytest.mark.parametrize("measure", list(THRESHOLDS))
def test_seed_score_reaches_threshold(seed_scores: dict[str, Any], measure: str) -> None:
    f1 = seed_scores[measure]["f1"]
    assert f1 >= THRESHOLDS[measure], (
        f"{measure} F1 {f1:.3f} < {THRESHOLDS[measure]} ({_figures(seed_scores)})"
    )
