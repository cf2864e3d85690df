"""The files under the inputs: folders walked in sorted order, hidden ones passed over."""

from __future__ import annotations

import logging
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from loaders.manifest import Skipped

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
# Files of a folder that are not articles: the manifest, and the answer key `kg generate` writes.
NOT_ARTICLES = frozenset({MANIFEST_NAME, "truth.json"})


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _not_regular(path: Path) -> Skipped:
    """A FIFO, socket or device found among the inputs: reported, never opened."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        return Skipped(path=str(path), reason=f"cannot read file: {e.strerror or e}")
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return Skipped(path=str(path), reason=f"not a regular file ({kind}); not read")


def iter_files(paths: Sequence[Path], exclude: Path | None) -> Iterator[tuple[Path, str] | Skipped]:  # noqa: C901
    """(file, name relative to the folder given) for every input file, folders walked sorted."""
    seen: set[Path] = set()
    for given in map(Path, paths):
        if given.is_dir():
            found = []
            for path in given.rglob("*"):
                relative = path.relative_to(given)
                if not path.is_dir() and not _is_hidden(relative):
                    found.append((relative.as_posix(), path))
            for relative_name, path in sorted(found):
                if path.name in NOT_ARTICLES or path.resolve() == exclude:
                    log.debug("not an article: %s", path)
                    continue
                if not path.is_file():
                    yield _not_regular(path)
                elif path.resolve() not in seen:
                    seen.add(path.resolve())
                    yield path, relative_name
        elif given.is_file():
            if given.resolve() not in seen:
                seen.add(given.resolve())
                yield given, given.name
        elif given.exists():
            yield _not_regular(given)
        else:
            yield Skipped(path=str(given), reason="no such file or folder")
