"""Article files and folders in; cleaned Article records out, or Skipped with the reason.

Formats: .txt, .html/.htm (main text via trafilatura), .json (one record or a list) and
.jsonl (one record per line); a record is an object with ``text`` and optional ``id``,
``title``, ``source``, ``url``, ``author``, ``published``.

Metadata precedence: manifest entry > record fields (or the HTML page's metadata) > the text
itself (a dateline near the top, a headline first line, an "Author:" or "By" line). A null or
empty value does not override a lower layer.

The manifest (a JSON list of entries, each naming a ``file``) describes single-article files
and is matched by file name, or by the path relative to a folder given as input. An entry
whose field is malformed (``published`` not a date, a field that is not a string, the same
file listed twice) makes its article Skipped with the entry named in the reason: loading it
with part of its curated metadata silently dropped would store a wrong date. An entry
without a ``file`` name is reported as Skipped and ignored. A missing, unreadable or
non-list manifest raises ManifestError for the whole call.

Folders are walked recursively in sorted order; hidden files and folders are passed over,
and so are files named ``manifest.json`` or ``truth.json`` (the answer key `kg generate`
writes) found in a folder: they are not articles. A FIFO, socket or device is reported as
Skipped, never opened. Any unplanned error while reading one file or record fails that source
alone, by name; the rest of the batch goes on. Article ids follow the one rule of
graph.models.article_id_problem: an id that breaks it is refused, never rewritten.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.models import Article, article_id_problem
from loaders.clean import (
    clean_text,
    content_hash,
    find_author,
    find_published,
    find_title,
    load_junk_rules,
    parse_date,
)
from loaders.errors import InvalidArticle
from loaders.files import MANIFEST_NAME, iter_files
from loaders.manifest import (
    METADATA_FIELDS,
    ManifestEntry,
    Metadata,
    Skipped,
    is_web_url,
    read_manifest,
    read_metadata,
    scrub_metadata,
    surrogate_problem,
)

__all__ = [
    "MANIFEST_NAME",
    "ManifestEntry",
    "Skipped",
    "count_sources",
    "iter_articles",
    "read_manifest",
    "read_source",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_CHARS = 100_000  # cleaned characters per article: bounds one extraction's memory
FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
TOO_DEEP = "JSON nested too deeply to be an article record"
ENCODINGS = ("utf-8-sig", "cp1252")  # utf-8-sig reads plain UTF-8 too, dropping a BOM
# Control characters (Unicode category Cc) other than the whitespace ones \t \n \v \f \r.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class _Rejected(Exception):
    """A problem with one file or record; becomes a Skipped."""


def _decode_bytes(data: bytes) -> str:
    """Decode file bytes as UTF-8 (with or without BOM), else as clean cp1252."""
    if b"\x00" in data:
        raise _Rejected("binary file (contains NUL bytes)")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = len(_CONTROLS.findall(text))
        if controls > max(2, len(text) // 100):
            raise _Rejected(f"binary file ({controls} control characters)")
        return text
    raise _Rejected("undecodable text: neither UTF-8 nor cp1252")


def _build_article(article_id: str, raw_text: str, layers: Sequence[Metadata]) -> Article:
    """Clean the text and merge metadata layers (later layers win) into an Article."""
    if problem := article_id_problem(article_id):
        raise _Rejected(f"article id {article_id!r} refused: {problem}")
    if problem := surrogate_problem("text", raw_text):
        raise _Rejected(problem)
    text = clean_text(raw_text)
    if not text:
        raise _Rejected("no article text left after removing junk")
    derived: Metadata = {
        "title": find_title(text),
        "published": find_published(raw_text),
        "author": find_author(raw_text),
    }
    merged: Metadata = dict.fromkeys(METADATA_FIELDS)
    for layer in (derived, *layers):
        merged.update({key: value for key, value in layer.items() if value is not None})
    try:
        return Article(
            id=article_id,
            title=merged["title"],
            source=merged["source"],
            url=merged["url"],
            author=merged["author"],
            published=merged["published"],
            content_hash=content_hash(text, merged),
            text=text,
        )
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise _Rejected(f"invalid article {where}: {first['msg']}") from e


def _html_article(article_id: str, html: str, layers: Sequence[Metadata]) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            prune_xpath=list(load_junk_rules().html_prune_xpath),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # the parser's failure modes are not documented; this file only
        raise _Rejected(f"cannot parse HTML: {e}") from e
    text = getattr(doc, "text", None)
    if not isinstance(text, str) or not text.strip():
        raise _Rejected("no main text found in the HTML page")
    page: Metadata = {}
    for key, attr in (("title", "title"), ("author", "author"), ("source", "sitename"),
                      ("url", "url"), ("published", "date")):  # fmt: skip
        value = getattr(doc, attr, None)
        value = scrub_metadata(value).strip() if isinstance(value, str) else None
        if value and (key != "url" or is_web_url(value)):
            page[key] = parse_date(value) if key == "published" else value
    return _build_article(article_id, text, [page, *layers])


def _record_article(default_id: str, item: Any, id_prefix: str = "") -> Article:
    if not isinstance(item, dict):
        raise _Rejected(f"record is a JSON {type(item).__name__}, not an object")
    text = item.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise _Rejected("record has no text")
    if not isinstance(text, str):
        raise _Rejected(f"record text is a {type(text).__name__}, not a string")
    raw_id = item.get("id")
    if raw_id is None:
        article_id = id_prefix + default_id
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        article_id = id_prefix + str(raw_id)
    else:
        raise _Rejected(f"record id {raw_id!r} is not a string or a number")
    metadata, problems = read_metadata(item)
    if problems:
        raise _Rejected(f"record {article_id!r}: " + "; ".join(problems))
    return _build_article(article_id, text, [metadata])


def default_manifest(paths: Sequence[Path]) -> Path | None:
    """manifest.json inside the single folder given, if there is one."""
    if len(paths) == 1 and paths[0].is_dir() and (paths[0] / MANIFEST_NAME).is_file():
        return paths[0] / MANIFEST_NAME
    return None


def article_from_record(record: Mapping[str, Any], max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """One record (text plus metadata) as a cleaned Article; raises InvalidArticle naming why."""
    try:
        article = _record_article("record", dict(record))
    except _Rejected as e:
        raise InvalidArticle(str(e)) from e
    if len(article.text) > max_chars:
        raise InvalidArticle(_too_long(article, max_chars))
    return article


def _iter_records(path: Path, text: str, kind: str) -> Iterator[tuple[str, str, Any] | Skipped]:  # noqa: C901
    """(label, default id, record) per record of a .json or .jsonl file."""
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            label = f"{path}:{number}"
            try:
                yield label, f"{path.stem}-{number}", json.loads(line)
            except json.JSONDecodeError as e:
                yield Skipped(path=label, reason=f"malformed JSON on line {number}: {e.msg}")
            except RecursionError:
                yield Skipped(path=label, reason=f"{TOO_DEEP} on line {number}")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        reason = f"malformed JSON: {e.msg} at line {e.lineno} column {e.colno}"
        yield Skipped(path=str(path), reason=reason)
        return
    except RecursionError:
        yield Skipped(path=str(path), reason=TOO_DEEP)
        return
    if isinstance(data, dict):
        yield str(path), path.stem, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield f"{path}[{index}]", f"{path.stem}-{index + 1}", item
    else:
        reason = f"JSON holds a {type(data).__name__}, not an object or a list of objects"
        yield Skipped(path=str(path), reason=reason)


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Rejected(f"file too large: {size} bytes, over the {max_bytes}-byte limit")
        data = path.read_bytes()
    except OSError as e:
        raise _Rejected(f"cannot read file: {e.strerror or e}") from e
    text = _decode_bytes(data)
    if not text.strip():
        raise _Rejected("empty file (no text)")
    return text


def _unexpected(label: str, error: Exception) -> Skipped:
    """An unplanned failure while reading one source, as that source's Skipped."""
    log.debug("unexpected error reading %s", label, exc_info=error)
    reason = f"unexpected error while reading it: {type(error).__name__}: {error}"
    return Skipped(path=label, reason=reason.encode("utf-8", "backslashreplace").decode("utf-8"))


def read_source(
    path: Path,
    entry: ManifestEntry | None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    id_prefix: str = "",
) -> Iterator[Article | Skipped]:
    """The articles held by one file, or Skipped for the file or its bad records."""
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(FORMATS)
        reason = f"unsupported file type {path.suffix or '(none)'!r}; expected one of {known}"
        yield Skipped(path=str(path), reason=reason)
        return
    try:
        text = _read_text(path, max_bytes)
        if entry is not None and entry.problems:
            raise _Rejected(f"manifest entry {entry.file!r}: " + "; ".join(entry.problems))
        layers = [entry.metadata] if entry is not None else []
        if kind in ("text", "html"):
            build = _build_article if kind == "text" else _html_article
            article = build(id_prefix + path.stem, text, layers)
    except _Rejected as e:
        yield Skipped(path=str(path), reason=str(e))
        return
    except Exception as e:  # noqa: BLE001  anything unplanned fails this file alone, by name
        yield _unexpected(str(path), e)
        return
    if kind in ("text", "html"):
        yield article
        return
    if entry is not None:
        log.warning("manifest entry %r ignored: records carry their own metadata", entry.file)
    yield from _read_records(path, text, kind, id_prefix)


def _read_records(path: Path, text: str, kind: str, id_prefix: str) -> Iterator[Article | Skipped]:
    """The articles of a .json or .jsonl file; a bad record fails alone, named by its place."""
    records = _iter_records(path, text, kind)
    while True:
        try:
            record = next(records, None)
        except Exception as e:  # noqa: BLE001  the file cannot be read on: the rest of it fails, by name
            yield _unexpected(str(path), e)
            return
        if record is None:
            return
        if isinstance(record, Skipped):
            yield record
            continue
        label, default_id, item = record
        try:
            yield _record_article(default_id, item, id_prefix)
        except _Rejected as e:
            yield Skipped(path=label, reason=str(e))
        except Exception as e:  # noqa: BLE001  anything unplanned fails this record alone, by name
            yield _unexpected(label, e)


def _too_long(article: Article, max_chars: int) -> str:
    return (
        f"article {article.id!r} too long: {len(article.text)} characters after cleaning, over "
        f"the {max_chars}-character cap per article (set by KG_MAX_ARTICLE_CHARS)"
    )


def count_sources(
    paths: Sequence[Path], manifest: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> int:
    """How many sources (files, and records of .json/.jsonl files) iter_articles will yield.

    Cheap next to extraction: only .json and .jsonl files are read (a file over `max_bytes`,
    or one that cannot be parsed, counts as one source, as it is one failure).
    """
    exclude = Path(manifest).resolve() if manifest is not None else None
    total = 0
    for item in iter_files(paths, exclude):
        if isinstance(item, Skipped):
            total += 1
            continue
        kind = FORMATS.get(item[0].suffix.lower())
        total += _count_records(item[0], kind, max_bytes) if kind in ("json", "jsonl") else 1
    return total


def _count_records(path: Path, kind: str, max_bytes: int) -> int:
    try:
        if path.stat().st_size > max_bytes:
            return 1
        data = path.read_bytes()
        if kind == "jsonl":
            return max(1, sum(1 for line in data.splitlines() if line.strip()))
        parsed = json.loads(data)
    except (OSError, ValueError, RecursionError):
        return 1
    return len(parsed) if isinstance(parsed, list) else 1


def iter_articles(
    paths: Sequence[Path],
    manifest: Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
    id_prefix: str = "",
) -> Iterator[Article | Skipped]:
    """Read files and folders; yield one Article per article found, or Skipped with a reason.

    ``id_prefix`` is put before every article id (from a file name or a record), so corpora
    whose file names repeat can share one graph; an article whose cleaned text is longer
    than ``max_chars`` is Skipped (its extraction would take minutes and gigabytes).
    """
    entries: dict[str, ManifestEntry] = {}
    if manifest is not None:
        entries, ignored = read_manifest(Path(manifest))
        yield from ignored
    exclude = Path(manifest).resolve() if manifest is not None else None
    first_seen: dict[str, str] = {}
    used: set[str] = set()
    for item in iter_files(paths, exclude):
        if isinstance(item, Skipped):
            yield item
            continue
        path, relative_name = item
        key = relative_name if relative_name in entries else path.name
        entry = entries.get(key)
        if entry is not None:
            used.add(key)
        for found in read_source(path, entry, max_bytes, id_prefix):
            if isinstance(found, Article) and len(found.text) > max_chars:
                yield Skipped(path=str(path), reason=_too_long(found, max_chars))
                continue
            if isinstance(found, Article):
                if found.id in first_seen:
                    first = first_seen[found.id]
                    reason = (
                        f"duplicate article id {found.id!r}, already read from {first} "
                        "(load the folders apart, each with its own --id-prefix)"
                    )
                    yield Skipped(path=str(path), reason=reason)
                    continue
                first_seen[found.id] = str(path)
            yield found
    unused = sorted(set(entries) - used)
    if unused:
        log.info("manifest entries matching no input file: %s", ", ".join(unused))
