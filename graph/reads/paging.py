"""Cursors of paged lists: opaque strings that carry the position after the last item served.

A keyset list (the timeline, the rounds) continues after a (date, id) position; the others
continue at an offset. Either way the cursor is URL-safe base64 of a small JSON list, and a
string that is not one of ours raises InvalidCursor, never a database error.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
Position = tuple[str | None, str]


class InvalidCursor(ValueError):
    """A cursor this API did not hand out (or one of another list)."""

    def __init__(self) -> None:
        super().__init__("not a cursor returned by this API")


def _encode(parts: list[object]) -> str:
    raw = json.dumps(parts, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> object:
    try:
        return json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, TypeError) as e:
        raise InvalidCursor from e


def position_cursor(position: Position) -> str:
    """The cursor that continues after the (date, id) `position`."""
    return _encode(list(position))


def decode_position(cursor: str) -> Position:
    """The (date, id) position of a keyset cursor."""
    found = _decode(cursor)
    if isinstance(found, list) and len(found) == 2:
        date, id_ = found
        if (date is None or isinstance(date, str)) and isinstance(id_, str) and id_:
            return date, id_
    raise InvalidCursor


def offset_cursor(offset: int) -> str:
    """The cursor that continues at `offset` items from the start."""
    return _encode(["offset", offset])


def decode_offset(cursor: str) -> int:
    """The offset of an offset cursor."""
    found = _decode(cursor)
    if (
        isinstance(found, list)
        and len(found) == 2
        and found[0] == "offset"
        and isinstance(found[1], int)
        and not isinstance(found[1], bool)
        and 0 <= found[1] <= 10**9
    ):
        return found[1]
    raise InvalidCursor


def offset_page(
    items: Sequence[T], offset: int, limit: int, total: int | None
) -> dict[str, object]:
    """The fields of a `Page` of `limit` items read from `offset`, out of `items` (one more
    than `limit` is read, to know whether more follow)."""
    more = len(items) > limit
    return {
        "items": list(items[:limit]),
        "next_cursor": offset_cursor(offset + limit) if more else None,
        "total": total,
    }
