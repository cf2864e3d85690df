"""Canonical ids: short names to full names within an article, one id per actor and per event."""

from __future__ import annotations

import re

from graph.dates import PartialDate
from graph.models import slugify

_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_name(text: str) -> str:
    """A mention's text without a leading 'the', a trailing possessive or stray spaces."""
    text = " ".join(text.split())
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE.sub("", text).strip(" ,.;:")


def canonical_id(name: str) -> str:
    """The id of an actor the dictionary lacks: the slug of its full name."""
    return slugify(clean_name(name))


def date_key(date: str | None, precision: str | None) -> str:
    """The date part of an event id, as precise as the date is known ('' when undated)."""
    when = PartialDate.of(date, precision)
    return when.iso if when is not None else ""


def event_id(kind: str, anchor: str | None, date: str | None, precision: str | None) -> str:
    """A deterministic event id from kind, key participant or place and date."""
    parts = [kind, anchor or "", date_key(date, precision)]
    return "-".join(p for p in parts if p)


class NameResolver:
    """Maps short person names to the full names seen earlier in one article."""

    def __init__(self) -> None:
        self._by_last: dict[str, str] = {}
        self._by_first: dict[str, str] = {}

    def remember(self, full_name: str, entity_id: str) -> None:
        """Record a full name (two words or more) and the id it resolved to."""
        words = clean_name(full_name).split()
        if len(words) >= 2:
            self._by_last.setdefault(words[-1].lower(), entity_id)
            self._by_last.setdefault(" ".join(words[-2:]).lower(), entity_id)
            self._by_first.setdefault(words[0].lower(), entity_id)

    def resolve(self, short_name: str) -> str | None:
        """The id of the full name this short name refers to, if one was seen."""
        words = clean_name(short_name).lower().split()
        if not words:
            return None
        return self._by_last.get(" ".join(words[-2:])) or self._by_last.get(words[-1])
