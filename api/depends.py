"""What a cached answer depends on, so that a write drops only the answers it can change.

An answer depends on every node it names (each `id`, `entity_id`, `source` and `target` in its
JSON, each id in an `articles` list) and on the node its question is about: a write that
touches one of them (graph.changes) can change it. The writer counts as touched, beside the
nodes an article states, the entities joined to its events, the rounds whose sequence it
relinks and the events joined by a fact to an event it re-dates, so an answer that lists an
entity's or an event's neighbours by date follows them too.

Lists over the whole graph depend on more than the nodes they show, since a new node can enter
them and their `total` counts it:

- a timeline page or a page of rounds on the events dated within its range (`from`, `to`; with
  neither, also the undated ones) that a write makes, deletes or re-dates (with `standing`, that
  it touches at all: a standing is computed from the claims); a page of rounds also on whom the
  delegations hold, since its roll-call sizes count their members;
- an entity search on the entities whose search keys hold the term (their order is by article
  count, their rank by the keys); a search answered by misspelt names, or by nothing, and a list
  without a term, on any entity touched;
- the pages of articles on any article touched; the event search on any event touched, and the
  one search on any event or article touched and on the entities, as the entity search.

An answer to a question this module does not know depends on everything.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Hashable
from dataclasses import dataclass

from graph.names import normalize
from graph.reads.changes import UNDATED, Change

KEY_SEPARATOR = "\x00"  # between the search keys of a change, matched as one string
_ID = re.compile(rb'"(?:id|entity_id|source|target)":"((?:[^"\\]|\\.)*)"')
_ID_LIST = re.compile(rb'"articles":\[((?:"(?:[^"\\]|\\.)*",?)*)\]')
_STRING = re.compile(rb'"((?:[^"\\]|\\.)*)"')
# The first field of each question's key is its kind; the field that names the node asked about.
ANCHORED = {
    "entity": (1,),
    "entity events": (1,),
    "entity articles": (1,),
    "entity relations": (1,),
    "event": (1,),
    "event relations": (1,),
    "chain": (1,),
    "neighbourhood": (1,),
    "roll call": (1,),
    "article": (1,),
    "article text": (1,),
    "claims": (1, 2),
    "edges": (1, 2),
}
Window = tuple[str | None, str | None, bool]  # first day, last day, any touched event counts


@dataclass(frozen=True)
class Depends:
    """The nodes an answer names or is about, and what else of a write can change it."""

    ids: frozenset[str] = frozenset()
    windows: tuple[Window, ...] = ()
    terms: tuple[str, ...] = ()
    entities: bool = False  # any entity touched
    events: bool = False  # any event touched
    articles: bool = False  # any article touched
    members: bool = False  # whom a delegation holds
    everything: bool = False

    def changed_by(self, change: Change, ids: frozenset[str], keys: str) -> bool:
        """Whether `change` (its `ids`, and its search `keys` joined by KEY_SEPARATOR) can
        change the answer."""
        if change.empty:
            return False
        if self.everything or change.wide:
            return True
        if (
            (self.entities and change.entities)
            or (self.events and change.events)
            or (self.articles and change.articles)
            or (self.members and change.members)
        ):
            return True
        if not self.ids.isdisjoint(ids):
            return True
        if any(term in keys for term in self.terms):
            return True
        return any(
            _within(day, first, last)
            for first, last, any_touched in self.windows
            for day in (change.dated if any_touched else change.moved)
        )


EVERYTHING = Depends(everything=True)


def _within(day: str, first: str | None, last: str | None) -> bool:
    """Whether an event dated `day` (UNDATED: none) is in a list from `first` to `last`."""
    if day == UNDATED:
        return first is None and last is None
    return (first is None or day >= first) and (last is None or day <= last)


def _text(raw: bytes) -> str:
    if b"\\" not in raw:
        return raw.decode("utf-8", "replace")
    try:
        return str(json.loads(b'"' + raw + b'"'))
    except ValueError:
        return raw.decode("utf-8", "replace")


def named_ids(body: bytes) -> frozenset[str]:
    """The node ids an encoded answer names."""
    found = {_text(m) for m in _ID.findall(body)}
    for listed in _ID_LIST.findall(body):
        found.update(_text(m) for m in _STRING.findall(listed))
    return frozenset(sys.intern(i) for i in found)


def _text_field(key: tuple[object, ...], i: int) -> str | None:
    value = key[i] if len(key) > i else None
    return value if isinstance(value, str) else None


def depends_of(key: Hashable, body: bytes) -> Depends:
    """What the answer `body` to the question `key` (a route's cache key) depends on."""
    if not isinstance(key, tuple) or not key or not isinstance(key[0], str):
        return EVERYTHING
    kind = key[0]
    ids = named_ids(body)
    if kind in ANCHORED:
        about = {str(key[i]) for i in ANCHORED[kind] if len(key) > i and key[i] is not None}
        return Depends(ids=ids | about)
    if kind == "timeline":  # first, last, kind, actor, limit, after, standing
        actor = _text_field(key, 4)
        window = (_text_field(key, 1), _text_field(key, 2), key[7] is not None)
        return Depends(ids=ids | ({actor} if actor else set()), windows=(window,))
    if kind == "rounds":  # first, last, limit, standing, after
        window = (_text_field(key, 1), _text_field(key, 2), key[4] is not None)
        return Depends(ids=ids, windows=(window,), members=True)
    if kind == "search":  # q, type, limit, offset
        return _search(ids, _text_field(key, 1), body)
    if kind == "search all":  # q, limit, offset
        found = _search(ids, _text_field(key, 1), body)
        return Depends(
            ids=ids, terms=found.terms, entities=found.entities, events=True, articles=True
        )
    if kind == "event search":
        return Depends(ids=ids, events=True)
    if kind == "articles":
        return Depends(ids=ids, articles=True)
    return EVERYTHING


def _search(ids: frozenset[str], q: str | None, body: bytes) -> Depends:
    """An entity search: on the entities whose keys hold its term; answered by misspelt names,
    or by nothing, or without a term, on any entity."""
    term = normalize(q) if q is not None else ""
    near = not term or b'"rank":4' in body or b'"items":[]' in body
    return Depends(ids=ids, terms=(term,) if term else (), entities=near)
