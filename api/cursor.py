"""Opaque timeline cursors: the (date, id) of the last event of a page."""

from __future__ import annotations

import base64
import binascii
import json

from fastapi.exceptions import RequestValidationError

Position = tuple[str | None, str]


def encode_cursor(position: Position) -> str:
    """The cursor that continues after `position`."""
    raw = json.dumps(list(position), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Position:
    """The position of a cursor; a 422 naming the `cursor` parameter when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        date, id_ = json.loads(raw)
        if (date is None or isinstance(date, str)) and isinstance(id_, str) and id_:
            return date, id_
    except (binascii.Error, ValueError, TypeError):
        pass
    raise RequestValidationError(
        [
            {
                "type": "value_error",
                "loc": ("query", "cursor"),
                "input": cursor,
                "msg": "Value error, not a cursor returned by this API",
            }
        ]
    )
