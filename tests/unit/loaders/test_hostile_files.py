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
from loaders.sources import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Skipped, iter_articles

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
    allowed = list(iter_articles([path], max_bytes=20 * MB, max_chars=20 * MB))
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


LONE_SURROGATE = "\ud800"


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("text.json", lambda p: p.write_text(json.dumps({"text": SENTENCE + LONE_SURROGATE}))),
        ("title.jsonl", lambda p: p.write_text(json.dumps({"text": SENTENCE, "title": "\ud800"}))),
        ("list.json", lambda p: p.write_text(json.dumps([{"id": "x\udfff", "text": SENTENCE}]))),
    ],
)
def test_lone_surrogate_in_a_record_fails_that_source_alone(
    tmp_path: Path, name: str, write: Callable[[Path], None]
) -> None:
    write(tmp_path / name)
    (tmp_path / "zz-good.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Article"], items
    bad = items[0]
    assert isinstance(bad, Skipped) and name in bad.path
    assert "surrogate" in bad.reason
    bad.reason.encode("utf-8")  # the reason itself can be printed and stored


def test_unexpected_error_in_one_source_fails_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import loaders.sources as sources

    original = sources._build_article

    def explode(article_id: str, raw_text: str, layers: object) -> Article:
        if "EXPLODE" in raw_text:
            raise RuntimeError("an error nobody planned for")
        return original(article_id, raw_text, layers)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "_build_article", explode)
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b.txt").write_text("EXPLODE " + SENTENCE)
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": SENTENCE}) + "\n" + json.dumps({"text": "EXPLODE"}) + "\n"
    )
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article", "Skipped"]
    assert items[1].path.endswith("b.txt") and "RuntimeError" in items[1].reason  # type: ignore[union-attr]
    assert items[3].path.endswith("c.jsonl:2")  # type: ignore[union-attr]


def test_generated_corpus_folder_loads_without_its_truth_file(tmp_path: Path) -> None:
    from bench.generator import generate_corpus

    summary = generate_corpus(3, seed=5, out_dir=tmp_path / "corpus")
    folder = summary.out_dir
    assert (folder / "truth.json").is_file()
    items = list(iter_articles([folder], folder / "manifest.json"))
    assert all(isinstance(i, Article) for i in items), items
    assert len(items) == 3


@pytest.mark.parametrize(
    ("record_id", "why"),
    [
        ("a/b", "'/'"),
        ("..", "'.' or '..'"),
        ("line\nbreak", "control"),
        ("del\x7f", "control"),
        ("c1\x85", "control"),
        ("para\u2028graph", "line separator"),
        (" lead", "whitespace"),
        ("lead\u00a0", "whitespace"),
    ],
)
def test_record_ids_follow_the_one_id_rule(tmp_path: Path, record_id: str, why: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"id": record_id, "text": SENTENCE}) + "\n")
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Skipped), item
    assert why in item.reason and "id" in item.reason


def test_file_names_that_make_bad_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "new\nline.txt").write_text(SENTENCE)
    (tmp_path / " lead.txt").write_text(SENTENCE)
    (tmp_path / "ok.txt").write_text(SENTENCE)
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Skipped", "Article"], items


def test_id_prefix_namespaces_ids_from_file_names_and_records(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE)
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "r1", "text": SENTENCE}) + "\n")
    items = list(iter_articles([tmp_path], id_prefix="second-"))
    assert [i.id for i in items if isinstance(i, Article)] == ["second-a", "second-r1"]
    bad = list(iter_articles([tmp_path], id_prefix="x/"))
    assert all(isinstance(i, Skipped) and "'/'" in i.reason for i in bad)


def test_fifo_in_a_folder_is_reported(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(SENTENCE)
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped"], items
    assert "pipe.txt" in items[1].path and "not a regular file" in items[1].reason  # type: ignore[union-attr]


def test_article_over_the_character_cap_is_refused_in_our_words(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    count = DEFAULT_MAX_CHARS // len(SENTENCE) + 10
    path.write_text("".join(f"{SENTENCE} Paragraph {n}.\n\n" for n in range(count)))
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Skipped), item
    assert f"{DEFAULT_MAX_CHARS}-character cap" in item.reason
    assert "KG_MAX_ARTICLE_CHARS" in item.reason
    (allowed,) = list(iter_articles([path], max_chars=2 * DEFAULT_MAX_CHARS))
    assert isinstance(allowed, Article)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"])
def test_record_url_that_is_not_http_is_refused_by_name(tmp_path: Path, url: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"id": "u1", "text": SENTENCE, "url": url}) + "\n")
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Skipped) and "http://" in item.reason and "url" in item.reason


def test_metadata_loses_nul_and_terminal_escapes(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    title = "Talks\x00 resume\x1b[2J\x1b]0;owned\x07 in\x9b Lorvik"
    path.write_text(json.dumps({"id": "t1", "text": SENTENCE, "title": title}) + "\n")
    (item,) = list(iter_articles([path]))
    assert isinstance(item, Article) and item.title == "Talks resume in Lorvik"
