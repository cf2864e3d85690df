"""Hostile article files: each is read as an article or skipped with a named reason, quickly and
in bounded memory, and never stops the rest of the load."""

from __future__ import annotations

import json
import random
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.models import Article
from loaders.errors import ManifestError
from loaders.sources import DEFAULT_MAX_BYTES, Skipped, iter_articles

SENTENCE = "Envoys of Northland met the Ostrian delegation in Lorvik on Monday, officials said."
MB = 1024 * 1024


def _random_bytes(n: int, seed: int = 3) -> bytes:
    return random.Random(seed).randbytes(n)


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "binary.txt": (lambda: _random_bytes(200_000), "binary file"),
    "image.html": (
        lambda: b"\x89PNG\r\n\x1a\n" + _random_bytes(5000).replace(b"\0", b"\1"),
        "undecodable text",
    ),
    "controls.txt": (lambda: (SENTENCE + "\x01\x02\x03\x1b\x7f" * 400).encode(), "control char"),
    "utf16.txt": (lambda: SENTENCE.encode("utf-16-le"), "binary file"),
    "utf16-bom.txt": (lambda: SENTENCE.encode("utf-16"), "binary file"),
    "shift-jis.txt": (lambda: "会談はロルヴィクで再開された。".encode("shift_jis"), "undecodable"),
    "array-bomb.json": (lambda: b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "object-bomb.json": (lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    "too-big.txt": (lambda: b"word " * (DEFAULT_MAX_BYTES // 5 + 1), "file too large"),
    "empty.txt": (lambda: b"   \n\t\n", "empty file"),
    "only-junk.html": (
        lambda: b"<html><body><script>var a=1;</script></body></html>",
        "no main text",
    ),
    "scalar.json": (lambda: b"42", "not an object"),
    "text-is-list.json": (lambda: b'{"text": [[["x"]]]}', "not a string"),
}


def read_one(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article | Skipped], float, float]:
    """The items read from one file, the seconds taken and the peak MB allocated."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = list(iter_articles([path], max_bytes=max_bytes))
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return items, seconds, peak


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_skipped_with_a_named_reason(tmp_path: Path, name: str) -> None:
    make, reason = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(make())
    items, seconds, peak = read_one(path)
    assert len(items) == 1
    assert isinstance(items[0], Skipped), items[0]
    assert reason in items[0].reason
    assert seconds < 10, f"{name} took {seconds:.1f} s"
    assert peak < 64, f"{name} allocated {peak:.0f} MB"


def test_json_bomb_in_one_line_skips_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    good = json.dumps({"id": "fine-1", "text": SENTENCE})
    path.write_text(good + "\n" + "[" * 100_000 + "]" * 100_000 + "\n" + good.replace("1", "2"))
    items, _, _ = read_one(path)
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    skipped = items[1]
    assert isinstance(skipped, Skipped)
    assert "nested too deeply" in skipped.reason and "line 2" in skipped.reason


def test_hostile_files_do_not_stop_the_good_ones(tmp_path: Path) -> None:
    for name, (make, _) in HOSTILE.items():
        (tmp_path / name).write_bytes(make())
    (tmp_path / "good.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["good"]
    assert len(items) == len(HOSTILE) + 1


def test_manifest_bomb_is_a_manifest_error(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.json"
    manifest.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(ManifestError, match="nested too deeply"):
        list(iter_articles([tmp_path], manifest))


def test_latin1_file_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Talks résumed in Lörvik on Monday, officials said.".encode("latin-1"))
    items, _, _ = read_one(path)
    assert isinstance(items[0], Article) and "Lörvik" in items[0].text


def test_ten_megabyte_single_line_is_refused_by_size_then_read_when_allowed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text((SENTENCE + " ") * (10 * MB // (len(SENTENCE) + 1)), encoding="utf-8")
    items, seconds, _ = read_one(path)
    assert isinstance(items[0], Skipped) and "file too large" in items[0].reason
    assert seconds < 1
    started = time.perf_counter()
    allowed = list(iter_articles([path], max_bytes=20 * MB))
    assert isinstance(allowed[0], Article)
    assert time.perf_counter() - started < 60


def test_deeply_nested_html_is_handled_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    depth = 50_000
    path.write_text("<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth)
    items, seconds, peak = read_one(path)
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, Skipped | Article)
    if isinstance(item, Skipped):
        assert item.reason
    assert seconds < 30 and peak < 256
