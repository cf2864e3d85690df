"""Extraction quality on the five seed articles, measured by the shared scorer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.paths import SCORER, SHARED
from tests.support.scoring import score_corpus

SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"
THRESHOLDS = {"entities": 0.95, "events": 0.85, "relations": 0.80, "event_dates": 0.90}

pytestmark = pytest.mark.skipif(
    not (SEEDS / "manifest.json").exists() or not SCORER.exists(),
    reason="seed articles or scorer not found beside the repo (../shared/seeds, ../shared/eval)",
)


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, Any]:
    return score_corpus(SEEDS, GOLD, 5)


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
