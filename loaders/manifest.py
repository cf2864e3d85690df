"""The manifest and record metadata: curated fields per file, checked before they are used."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from loaders.clean import parse_date
from loaders.errors import ManifestError

METADATA_FIELDS = ("title", "source", "url", "author", "published")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Terminal (ANSI) escape sequences, then NUL and the other control characters, tab and newline
# excepted: metadata is printed by kg and shown by the page.
_TERMINAL_JUNK = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
WEB_SCHEMES = ("http://", "https://")

Metadata = dict[str, str | None]


class Skipped(BaseModel):
    """An input that was not read as an article, and why."""

    model_config = ConfigDict(frozen=True)

    path: str
    reason: str


def surrogate_problem(field: str, value: str) -> str | None:
    """A reason naming `field` when `value` holds a lone surrogate (not valid Unicode), or None."""
    found = _SURROGATE.search(value)
    if found is None:
        return None
    code = ord(found.group())
    where = f"at character {found.start()}"
    return f"{field} holds a lone surrogate (U+{code:04X}) {where}: not valid Unicode"


def scrub_metadata(value: str) -> str:
    """A metadata value without NUL, control characters or terminal (ANSI) escapes."""
    return _TERMINAL_JUNK.sub("", value)


def is_web_url(value: str) -> bool:
    """True for an http:// or https:// address (never javascript:, data: and the like)."""
    return value.strip().lower().startswith(WEB_SCHEMES)


@dataclass(frozen=True)
class ManifestEntry:
    """One manifest entry: its metadata, or the problems that make it unusable."""

    file: str
    metadata: Metadata
    problems: tuple[str, ...] = ()


def read_metadata(item: dict[str, Any]) -> tuple[Metadata, list[str]]:
    """The metadata fields of a record or manifest entry, and any malformed ones."""
    metadata: Metadata = {}
    problems: list[str] = []
    for key in METADATA_FIELDS:
        value = item.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"{key} is a {type(value).__name__}, not a string")
            continue
        if problem := surrogate_problem(key, value):
            problems.append(problem)
            continue
        value = scrub_metadata(value).strip()
        if not value:
            continue
        if key == "url" and not is_web_url(value):
            problems.append(f"url {value[:60]!r} is not an http:// or https:// address")
            continue
        if key == "published":
            iso = parse_date(value)
            if iso is None:
                problems.append(f"published {value!r} is not a date (expected YYYY-MM-DD)")
                continue
            value = iso
        metadata[key] = value
    return metadata, problems


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list[Skipped]]:
    """Manifest entries by file name, and the entries that name no file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ManifestError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ManifestError(path, f"cannot read: {e}") from e
    except json.JSONDecodeError as e:
        raise ManifestError(path, f"malformed JSON: {e.msg} at line {e.lineno}") from e
    except RecursionError:
        raise ManifestError(path, "JSON nested too deeply to be a manifest") from None
    if not isinstance(data, list):
        raise ManifestError(path, f"expected a JSON list of entries, found {type(data).__name__}")
    entries: dict[str, ManifestEntry] = {}
    ignored: list[Skipped] = []
    for index, item in enumerate(data):
        name = item.get("file") if isinstance(item, dict) else None
        if not isinstance(item, dict) or not isinstance(name, str) or not name.strip():
            reason = f"manifest entry {index} names no 'file'; entry ignored"
            ignored.append(Skipped(path=f"{path}[{index}]", reason=reason))
            continue
        name = name.strip()
        metadata, problems = read_metadata(item)
        if name in entries:
            problems = [*entries[name].problems, "the file is listed twice"]
        entries[name] = ManifestEntry(file=name, metadata=metadata, problems=tuple(problems))
    return entries, ignored
