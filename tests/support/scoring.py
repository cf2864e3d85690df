"""The shared scorer (../shared/eval/score.py) run on a corpus extracted in memory."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

from graph.models import Article
from graph.unify import unify_all
from loaders.extract import extract_article
from loaders.sources import iter_articles
from tests.support.merge import facts_document
from tests.support.modules import load_file
from tests.support.paths import SCORER


def load_scorer() -> ModuleType:
    """score.py, loaded by path (it is not a package)."""
    return load_file("shared_scorer", SCORER)


def score_corpus(articles_dir: Path, gold: Path, count: int) -> dict[str, Any]:
    """Extract every article of a folder (with its manifest) and score the merge against gold."""
    articles = [
        a
        for a in iter_articles([articles_dir], manifest=articles_dir / "manifest.json")
        if isinstance(a, Article)
    ]
    assert len(articles) == count
    document = facts_document(unify_all(extract_article(a) for a in articles))
    result: dict[str, Any] = load_scorer().score(json.loads(gold.read_text("utf-8")), document)
    return result
