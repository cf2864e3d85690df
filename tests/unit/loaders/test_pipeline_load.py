"""The load pipeline against an in-memory fact sink, serial and with a process pool."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.errors import WriteRejected
from graph.models import (
    Article,
    ArticleFacts,
    Entity,
    EntityType,
    Event,
    EventKind,
    Evidence,
    Predicate,
    Relation,
    slugify,
)
from loaders.errors import ManifestError
from loaders.pipeline import LoadReport, WriteStatus, load_paths

TEXTS = {
    "alpha": "Envoys from Qatar and Egypt met in Doha on Monday to discuss a pause in fighting.",
    "bravo": "Officials in Cairo said the Israeli delegation would return to the talks on Sunday.",
    "charlie": "Mediators in Doha proposed a phased plan that Hamas said it would study carefully.",
    "delta": "The United States sent its envoy to Cairo after the talks stalled over the border.",
}
WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def extract_capitalised(article: Article) -> ArticleFacts:
    """Stand-in for the NLP: one Place per capitalised word, one event, one relation."""
    if "EXPLODE" in article.text:
        raise RuntimeError("cannot parse this article")
    entities: dict[str, Entity] = {}
    for match in WORD.finditer(article.text):
        evidence = Evidence(
            article_id=article.id, sentence=match.group(), start=match.start(), end=match.end()
        )
        entity_id = slugify(match.group())
        entities.setdefault(
            entity_id,
            Entity(id=entity_id, type=EntityType.PLACE, name=match.group(), evidence=(evidence,)),
        )
    first = next(iter(entities.values()))
    event = Event(id=f"event-{article.id}", kind=EventKind.OTHER, label=article.text[:40])
    relation = Relation(
        subject_id=first.id,
        predicate=Predicate.DEMANDED,
        object_text="a pause",
        evidence=first.evidence[0],
    )
    return ArticleFacts(
        article=article, entities=tuple(entities.values()), events=(event,), relations=(relation,)
    )


def extract_must_not_run(article: Article) -> ArticleFacts:
    raise AssertionError(f"extract called for {article.id}")


def extract_wrong_article(article: Article) -> ArticleFacts:
    other = article.model_copy(update={"id": article.id + "-other"})
    return ArticleFacts(article=other)


class MemorySink:
    """A fact store in a dict, keyed by article id."""

    def __init__(self) -> None:
        self.facts: dict[str, ArticleFacts] = {}
        self.writes: list[str] = []

    def article_hash(self, article_id: str) -> str | None:
        stored = self.facts.get(article_id)
        return stored.article.content_hash if stored is not None else None

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        self.writes.append(facts.article.id)
        previous = self.facts.get(facts.article.id)
        self.facts[facts.article.id] = facts
        if previous is None:
            return WriteStatus.LOADED
        return WriteStatus.UNCHANGED if previous == facts else WriteStatus.UPDATED


class ArticleRejected(WriteRejected):
    pass


class StoreDown(ConnectionError):
    pass


class RejectingSink(MemorySink):
    """Refuses the articles named at construction."""

    def __init__(self, rejected: set[str]) -> None:
        super().__init__()
        self.rejected = rejected

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        if facts.article.id in self.rejected:
            raise ArticleRejected(f"constraint failed for {facts.article.id}")
        return super().write_article(facts)


class FailingSink(MemorySink):
    """Goes down after a number of successful writes."""

    def __init__(self, writes_before_failure: int) -> None:
        super().__init__()
        self.budget = writes_before_failure

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        if self.budget == 0:
            raise StoreDown("connection refused")
        self.budget -= 1
        return super().write_article(facts)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def outcome(report: LoadReport) -> dict[str, object]:
    return report.model_dump(exclude={"elapsed_seconds", "extract_seconds", "write_seconds"})


def test_load_writes_every_article_and_counts_facts(corpus: Path) -> None:
    sink = MemorySink()
    seen: list[tuple[int, int, str]] = []
    report = load_paths(
        [corpus], sink, extract=extract_capitalised, progress=lambda *a: seen.append(a)
    )
    assert report.ok
    assert report.loaded == sorted(TEXTS)
    assert set(sink.facts) == set(TEXTS)
    stored = sink.facts.values()
    assert report.entities == sum(len(f.entities) for f in stored)
    assert report.events == report.relations == len(TEXTS)
    assert seen == [(i + 1, len(TEXTS), name) for i, name in enumerate(sorted(TEXTS))]
    assert report.elapsed_seconds >= report.extract_seconds > 0


def test_reload_is_unchanged_without_extracting(corpus: Path) -> None:
    sink = MemorySink()
    load_paths([corpus], sink, extract=extract_capitalised)
    report = load_paths([corpus], sink, extract=extract_must_not_run)
    assert report.ok
    assert report.unchanged == sorted(TEXTS)
    assert report.loaded == report.updated == []
    assert sink.writes == sorted(TEXTS)


def test_changed_text_is_updated(corpus: Path) -> None:
    sink = MemorySink()
    load_paths([corpus], sink, extract=extract_capitalised)
    (corpus / "bravo.txt").write_text(TEXTS["bravo"] + " Talks resumed in Amman.", encoding="utf-8")
    report = load_paths([corpus], sink, extract=extract_capitalised)
    assert report.updated == ["bravo"]
    assert report.unchanged == ["alpha", "charlie", "delta"]
    assert "amman" in {e.id for e in sink.facts["bravo"].entities}


def test_skipped_files_recorded_as_failed(corpus: Path) -> None:
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    report = load_paths([corpus], MemorySink(), extract=extract_capitalised)
    assert not report.ok
    assert report.loaded == sorted(TEXTS)
    failed = dict(report.failed)
    assert "empty" in failed[str(corpus / "empty.txt")]
    assert "unsupported file type" in failed[str(corpus / "notes.docx")]


def test_extraction_failure_does_not_stop_batch(corpus: Path) -> None:
    (corpus / "bravo.txt").write_text("EXPLODE in the Capital tonight.", encoding="utf-8")
    sink = MemorySink()
    report = load_paths([corpus], sink, extract=extract_capitalised)
    assert report.failed == [
        ("bravo", "extraction failed: RuntimeError: cannot parse this article")
    ]
    assert report.loaded == ["alpha", "charlie", "delta"]
    assert "bravo" not in sink.facts


def test_facts_for_another_article_fail_that_article(corpus: Path) -> None:
    report = load_paths([corpus / "alpha.txt"], MemorySink(), extract=extract_wrong_article)
    [(name, reason)] = report.failed
    assert name == "alpha" and "not for this article" in reason


def test_terminal_sink_error_fails_only_that_article(corpus: Path) -> None:
    sink = RejectingSink({"charlie"})
    report = load_paths([corpus], sink, extract=extract_capitalised)
    assert report.failed == [("charlie", "rejected by the store: constraint failed for charlie")]
    assert report.loaded == ["alpha", "bravo", "delta"]


def test_non_terminal_sink_error_aborts_batch(corpus: Path) -> None:
    sink = FailingSink(writes_before_failure=2)
    with pytest.raises(StoreDown) as caught:
        load_paths([corpus], sink, extract=extract_capitalised)
    assert set(sink.facts) == {"alpha", "bravo"}
    notes = getattr(caught.value, "__notes__", [])
    assert any("2 loaded" in note and "load aborted after 2 of 4" in note for note in notes)


def test_manifest_error_raised_before_any_write(corpus: Path) -> None:
    sink = MemorySink()
    with pytest.raises(ManifestError):
        load_paths([corpus], sink, manifest=corpus / "missing.json", extract=extract_capitalised)
    assert sink.writes == []


def test_manifest_metadata_reaches_the_sink(corpus: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([{"file": "alpha.txt", "published": "2024-10-28"}]))
    sink = MemorySink()
    load_paths([corpus], sink, manifest=manifest, extract=extract_capitalised)
    assert sink.facts["alpha"].article.published == "2024-10-28"


def test_workers_give_same_graph_as_serial(corpus: Path) -> None:
    (corpus / "bravo.txt").write_text("EXPLODE in the Capital tonight.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    for index in range(6):
        (corpus / f"extra-{index}.txt").write_text(
            f"Round {index} of talks opened in Doha with Qatar and Egypt mediating.",
            encoding="utf-8",
        )
    serial, pooled = MemorySink(), MemorySink()
    serial_report = load_paths([corpus], serial, extract=extract_capitalised, workers=1)
    progress: list[tuple[int, int, str]] = []
    pooled_report = load_paths(
        [corpus],
        pooled,
        extract=extract_capitalised,
        workers=2,
        progress=lambda *a: progress.append(a),
    )
    assert pooled.facts == serial.facts
    assert pooled.writes == serial.writes
    assert outcome(pooled_report) == outcome(serial_report)
    assert [done for done, _, _ in progress] == list(range(1, len(progress) + 1))
    again = load_paths([corpus], pooled, extract=extract_must_not_run, workers=2)
    assert len(again.unchanged) == len(serial.facts)


def test_workers_need_module_level_extract(corpus: Path) -> None:
    with pytest.raises(ValueError, match="module-level"):
        load_paths([corpus], MemorySink(), extract=lambda a: ArticleFacts(article=a), workers=2)


def test_a_day_not_in_the_calendar_fails_that_article_by_name(corpus: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps([{"file": "alpha.txt", "published": "2024-02-30"}]))
    sink = MemorySink()
    report = load_paths([corpus], sink, manifest=manifest, extract=extract_capitalised)
    assert [Path(f).name for f, _ in report.failed] == ["alpha.txt"]
    assert "2024-02-30" in report.failed[0][1] and "is not a date" in report.failed[0][1]
    assert report.loaded == ["bravo", "charlie", "delta"]
    with pytest.raises(ValueError, match="not a day of the calendar"):
        Article(id="alpha", published="2024-02-30", content_hash="0" * 64)


def test_ids_repeated_by_another_corpus_are_reported_and_can_be_prefixed(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, text in ((first, TEXTS["alpha"]), (second, TEXTS["bravo"])):
        folder.mkdir()
        (folder / "001.txt").write_text(text)
    sink = MemorySink()
    load_paths([first], sink, extract=extract_capitalised)
    report = load_paths([second], sink, extract=extract_capitalised)
    assert report.updated == ["001"]
    assert "--id-prefix" in report.replaced_note() and "001" in report.replaced_note()
    prefixed = load_paths([second], sink, extract=extract_capitalised, id_prefix="second-")
    assert prefixed.loaded == ["second-001"] and prefixed.replaced_note() == ""


def test_ids_repeated_inside_one_load_name_both_files_and_the_prefix(tmp_path: Path) -> None:
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text(TEXTS["alpha"])
    report = load_paths([tmp_path], MemorySink(), extract=extract_capitalised)
    ((name, reason),) = report.failed
    assert name.endswith("y/001.txt") and "x/001.txt" in reason and "--id-prefix" in reason
