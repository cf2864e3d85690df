"""Bad files are yielded as Skipped with a reason naming the problem; a bad manifest raises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.models import Article
from loaders.errors import ManifestError
from loaders.sources import Skipped, iter_articles

BODY = (
    "Negotiators from three countries met in the capital on Monday to discuss a new plan "
    "for a pause in the fighting and the exchange of detainees held by both sides."
)


def skipped_reasons(
    paths: list[Path], manifest: Path | None = None, max_bytes: int = 5_000_000
) -> list[tuple[str, str]]:
    items = list(iter_articles(paths, manifest, max_bytes=max_bytes))
    assert all(isinstance(item, Skipped) for item in items), items
    return [(item.path, item.reason) for item in items if isinstance(item, Skipped)]


def test_binary_file_skipped(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [(where, reason)] = skipped_reasons([path])
    assert where == str(path)
    assert "binary" in reason


def test_control_character_noise_skipped_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20)
    [(_, reason)] = skipped_reasons([path])
    assert "binary" in reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n"])
def test_empty_or_whitespace_file_skipped(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    [(_, reason)] = skipped_reasons([path])
    assert "empty" in reason


def test_junk_only_file_skipped(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_text("Share this:\n\nhttps://example.org/x\n\nBack to top\n", encoding="utf-8")
    [(_, reason)] = skipped_reasons([path])
    assert "no article text" in reason


def test_undecodable_file_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Talks resumed \x81\x8d\x8f\x90\x9d in the capital \xff\xfe today.")
    [(_, reason)] = skipped_reasons([path])
    assert "undecodable" in reason and "UTF-8" in reason


def test_oversized_file_skipped_with_configured_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(BODY * 3, encoding="utf-8")
    [(_, reason)] = skipped_reasons([path], max_bytes=100)
    assert "too large" in reason and "100" in reason
    assert isinstance(next(iter_articles([path])), Article)


def test_malformed_json_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    [(where, reason)] = skipped_reasons([path])
    assert where == str(path)
    assert reason.startswith("malformed JSON")


def test_json_scalar_skipped(tmp_path: Path) -> None:
    path = tmp_path / "scalar.json"
    path.write_text("42", encoding="utf-8")
    [(_, reason)] = skipped_reasons([path])
    assert "not an object" in reason


def test_malformed_jsonl_line_skipped_and_others_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": BODY}), "{not json", json.dumps({"id": "c", "text": BODY})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    bad = items[1]
    assert isinstance(bad, Skipped)
    assert bad.path == f"{path}:2" and "line 2" in bad.reason


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"id": "x", "title": "No body"}, "no text"),
        ({"id": "x", "text": "   "}, "no text"),
        ({"id": "x", "text": ["a", "list"]}, "not a string"),
        ("just a string", "not an object"),
        ({"id": "x", "text": BODY, "published": "next week"}, "published 'next week'"),
        ({"id": "x", "text": BODY, "author": 7}, "author is a int"),
        ({"id": {"nested": 1}, "text": BODY}, "record id"),
    ],
)
def test_bad_record_skipped_with_reason(tmp_path: Path, record: object, expected: str) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": "good", "text": BODY}, record]), encoding="utf-8")
    items = list(iter_articles([path]))
    assert isinstance(items[0], Article)
    bad = items[1]
    assert isinstance(bad, Skipped)
    assert bad.path == f"{path}[1]"
    assert expected in bad.reason


def test_unknown_extension_skipped(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7 not really")
    [(_, reason)] = skipped_reasons([path])
    assert "unsupported file type '.pdf'" in reason


def test_missing_input_path_skipped(tmp_path: Path) -> None:
    [(_, reason)] = skipped_reasons([tmp_path / "nope.txt"])
    assert "no such file" in reason


def test_duplicate_article_id_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Skipped) and "duplicate article id 'a'" in items[1].reason


def test_html_without_main_text_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    [(_, reason)] = skipped_reasons([path])
    assert "no main text" in reason or "no article text" in reason


def test_manifest_entry_with_bad_date_skips_its_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "m.json"
    entries = [{"file": "a.txt", "published": "last Tuesday"}, {"file": "b.txt"}]
    manifest.write_text(json.dumps(entries), encoding="utf-8")
    items = list(iter_articles([tmp_path], manifest))
    bad, good = items
    assert isinstance(bad, Skipped) and isinstance(good, Article)
    assert bad.path == str(tmp_path / "a.txt")
    assert "manifest entry 'a.txt'" in bad.reason and "'last Tuesday'" in bad.reason


def test_manifest_entry_listed_twice_skips_its_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps([{"file": "a.txt"}, {"file": "a.txt"}]), encoding="utf-8")
    [(_, reason)] = skipped_reasons([tmp_path], manifest=manifest)
    assert "listed twice" in reason


def test_manifest_entry_without_file_reported_and_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps([{"title": "orphan"}, "text"]), encoding="utf-8")
    items = list(iter_articles([tmp_path], manifest))
    assert [type(i).__name__ for i in items] == ["Skipped", "Skipped", "Article"]
    first = items[0]
    assert isinstance(first, Skipped)
    assert first.path == f"{manifest}[0]" and "names no 'file'" in first.reason


def test_missing_manifest_raises_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    missing = tmp_path / "no-manifest.json"
    with pytest.raises(ManifestError, match=r"no-manifest\.json"):
        list(iter_articles([tmp_path], missing))


@pytest.mark.parametrize("content", ["{broken", '{"file": "a.txt"}'])
def test_malformed_manifest_file_raises(tmp_path: Path, content: str) -> None:
    manifest = tmp_path / "m.json"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        list(iter_articles([tmp_path], manifest))
    assert caught.value.path == str(manifest)
