"""The seed articles read from ../shared/seeds: junk gone, news paragraphs and headlines kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.models import Article
from loaders.clean import normalize_line
from loaders.sources import iter_articles
from tests.support.paths import SEEDS

FOOTER = re.compile(
    r"^\s*(?:\d+ Comments?|Trackbacks/Pingbacks|Related Articles|Post a Comment|Author:)",
    re.MULTILINE,
)
JUNK_MARKERS = (
    "cpmrevenuegate",
    "http",
    "Trackbacks",
    "Pingbacks",
    "Comment",
    "Post a Comment",
    "Previous Post",
    "Back to top",
    "Related Articles",
    "Author:",
    "Source:",
    "news editor of",
    "\u2022",
)

pytestmark = pytest.mark.skipif(
    not (SEEDS / "manifest.json").is_file(), reason=f"seed articles not found at {SEEDS}"
)


def read_seeds(manifest: bool) -> dict[str, Article]:
    found = iter_articles([SEEDS], SEEDS / "manifest.json" if manifest else None)
    articles = {}
    for item in found:
        assert isinstance(item, Article), item
        articles[item.id] = item
    return articles


def raw_text(article_id: str) -> str:
    return (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")


def news_paragraphs(raw: str) -> list[str]:
    """Long paragraphs of the raw file above its first footer marker."""
    match = FOOTER.search(raw)
    body = raw[: match.start()] if match else raw
    lines = (normalize_line(line) for line in body.splitlines())
    return [line for line in lines if len(line.split()) >= 25 and "http" not in line]


def test_seeds_all_read_as_articles() -> None:
    assert len(read_seeds(manifest=False)) == len(list(SEEDS.glob("*.txt"))) == 5


def test_seeds_junk_removed() -> None:
    for article_id, article in read_seeds(manifest=False).items():
        for marker in JUNK_MARKERS:
            assert marker not in article.text, f"{article_id} still holds {marker!r}"


def test_seeds_comment_section_text_removed() -> None:
    for article_id, article in read_seeds(manifest=False).items():
        raw = raw_text(article_id)
        match = FOOTER.search(raw)
        if match is None:
            continue
        tail_lines = [normalize_line(line) for line in raw[match.end() :].splitlines()]
        for line in tail_lines:
            if len(line) > 10:
                assert line not in article.text, f"{article_id} keeps footer text {line[:40]!r}"


def test_seeds_news_paragraphs_kept_verbatim() -> None:
    for article_id, article in read_seeds(manifest=False).items():
        kept = article.text.split("\n\n")
        expected = news_paragraphs(raw_text(article_id))
        assert len(expected) >= 4
        for paragraph in expected:
            assert paragraph in kept, f"{article_id} lost a paragraph: {paragraph[:50]!r}"


def test_seeds_text_is_plain_paragraphs() -> None:
    for article in read_seeds(manifest=False).values():
        assert "\n\n\n" not in article.text
        for paragraph in article.text.split("\n\n"):
            assert paragraph == paragraph.strip() and "\n" not in paragraph
            assert "  " not in paragraph and "\u00a0" not in paragraph


def test_seeds_titles_match_manifest_titles() -> None:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    articles = read_seeds(manifest=False)
    for entry in manifest:
        article = articles[Path(entry["file"]).stem]
        if entry["title"] is not None:
            assert article.title == entry["title"]
            assert entry["title"] in article.text.split("\n\n")[:2]


def test_seed_002_published_from_dateline_without_manifest() -> None:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    dated = {Path(e["file"]).stem: e["published"] for e in manifest}
    article = read_seeds(manifest=False)["002_effc18159025f535"]
    assert article.published is not None
    assert article.published == dated[article.id]


def test_seeds_manifest_metadata_wins() -> None:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    articles = read_seeds(manifest=True)
    for entry in manifest:
        article = articles[Path(entry["file"]).stem]
        assert article.published == entry["published"]
        assert article.source == entry["source"]
