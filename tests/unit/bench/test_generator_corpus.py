"""The synthetic corpus generator: determinism, manifest, truth facts, junk."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bench.generator import generate_corpus
from bench.world import load_vocab
from loaders.clean import BODY_WORDS, clean_text
from tests.support.modules import load_file
from tests.support.paths import SCORER

JUNK_LINES = re.compile(
    r"(?m)^(?:Back to top|Post a Comment|Trackbacks/Pingbacks|Related Articles"
    r"|\d+ Comments?|https?://\S+)$"
)


def load_scorer() -> ModuleType:
    """score.py from ../shared/eval, or skip the test when it is not there."""
    if not SCORER.is_file():
        pytest.skip(f"{SCORER} not found")
    return load_file("score", SCORER)


def has_junk(text: str) -> bool:
    """True when a text carries one of the kinds of page junk the generator adds."""
    bio = any(
        re.search(rf"(?m)^{re.escape(author)} is an? ", text) for author in load_vocab()["authors"]
    )
    return bio or JUNK_LINES.search(text) is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 300 articles, written once for the module."""
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(300, seed=11, out_dir=out)
    return out


def read_truth(corpus: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    return data


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_generate_corpus_same_seed_same_bytes(tmp_path: Path) -> None:
    generate_corpus(60, seed=5, out_dir=tmp_path / "a")
    generate_corpus(60, seed=5, out_dir=tmp_path / "b")
    generate_corpus(60, seed=6, out_dir=tmp_path / "c")
    first, again, other = (folder_bytes(tmp_path / x) for x in "abc")
    assert first == again
    assert first.keys() == other.keys()
    differing = [name for name in first if first[name] != other[name]]
    assert len(differing) > 50


def test_generate_corpus_manifest_lists_every_file(corpus: Path) -> None:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    files = sorted(p.name for p in corpus.glob("*.txt"))
    assert sorted(entry["file"] for entry in manifest) == files
    assert len(files) == 300 and files[0] == "syn-000001.txt"
    for entry in manifest:
        assert set(entry) == {"file", "published", "source", "title", "author"}
        dt.date.fromisoformat(entry["published"])
        first_line = (corpus / entry["file"]).read_text(encoding="utf-8").split("\n", 1)[0]
        assert entry["title"] == first_line


def test_generate_corpus_truth_validates_and_matches_itself(corpus: Path) -> None:
    scorer = load_scorer()
    truth = read_truth(corpus)
    scorer.validate(truth)
    result = scorer.score(truth, truth)
    for part in ("entities", "events", "relations"):
        assert result[part]["f1"] == 1.0, part
    kinds = {event["kind"] for event in truth["events"]}
    predicates = {relation["predicate"] for relation in truth["relations"]}
    assert {"talks", "killing", "withdrawal", "proposal"} <= kinds
    assert {"ATTENDED", "MEDIATED", "MEMBER_OF", "DEMANDED", "KILLED", "CAUSED"} <= predicates


def test_generate_corpus_evidence_quoted_from_its_article(corpus: Path) -> None:
    truth = read_truth(corpus)
    ids = {article["id"] for article in truth["articles"]}
    texts: dict[str, str] = {}
    for relation in truth["relations"]:
        assert set(relation["articles"]) <= ids
        first = relation["articles"][0]
        if first not in texts:
            texts[first] = (corpus / f"{first}.txt").read_text(encoding="utf-8")
        assert relation["evidence"] in texts[first]
    reported = [len(event["articles"]) for event in truth["events"]]
    assert sum(n > 1 for n in reported) > len(reported) / 2  # events are reported repeatedly


def test_generate_corpus_thousand_articles_counts(tmp_path: Path) -> None:
    summary = generate_corpus(1000, seed=3, out_dir=tmp_path, junk_rate=0.2)
    assert summary.articles == 1000
    assert len(list(tmp_path.glob("syn-*.txt"))) == 1000
    assert summary.words > 100_000
    assert summary.events == len(read_truth(tmp_path)["events"])
    junk = sum(has_junk(p.read_text(encoding="utf-8")) for p in tmp_path.glob("syn-*.txt"))
    assert junk == summary.junk_articles
    assert 150 <= junk <= 250


def test_generate_corpus_without_junk(tmp_path: Path) -> None:
    summary = generate_corpus(80, seed=3, out_dir=tmp_path, junk_rate=0.0)
    assert summary.junk_articles == 0
    assert not any(has_junk(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.txt"))


def test_clean_text_removes_generated_junk(tmp_path: Path) -> None:
    generate_corpus(200, seed=8, out_dir=tmp_path, junk_rate=1.0)
    checked = 0
    for path in sorted(tmp_path.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if not any(len(p.split()) >= BODY_WORDS for p in raw.split("\n\n")):
            continue  # the cleaner trusts cut markers only after a paragraph of article text
        cleaned = clean_text(raw)
        assert not has_junk(cleaned), path.name
        assert not any(c in cleaned for c in load_vocab()["comments"]), path.name
        checked += 1
    assert checked > 150


def test_generate_corpus_refuses_foreign_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_corpus(5, seed=1, out_dir=tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_generate_corpus_replaces_previous_corpus(tmp_path: Path) -> None:
    generate_corpus(30, seed=1, out_dir=tmp_path)
    generate_corpus(10, seed=1, out_dir=tmp_path)
    assert len(list(tmp_path.glob("*.txt"))) == 10
