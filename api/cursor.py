"""The `cursor` and `limit` parameters of every list route, and the 422 of a foreign cursor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from api.problems import invalid
from graph.reads import InvalidCursor, decode_offset, decode_position
from graph.reads.paging import Position

CursorQuery = Annotated[
    str | None,
    Query(
        max_length=500,
        description="`next_cursor` of the previous page of this list; none for the first page",
    ),
]


def _refused() -> Exception:
    return invalid(("query", "cursor"), "Value error, not a cursor returned by this API")


def position_of(cursor: str | None) -> Position | None:
    """The (date, id) a keyset list continues after; a 422 naming `cursor` if it is not ours."""
    try:
        return decode_position(cursor) if cursor else None
    except InvalidCursor as e:
        raise _refused() from e


def offset_of(cursor: str | None) -> int:
    """The offset a list continues at; a 422 naming `cursor` if it is not ours."""
    try:
        return decode_offset(cursor) if cursor else 0
    except InvalidCursor as e:
        raise _refused() from e
