"""Search over events and articles, and one search over entities, events and articles at once.

Events match by their label, or by the name of their place or of a participant; articles by
their title. The one search lists entities first (best first, as search_entities ranks them),
then events and articles (newest first), and pages over that whole list with one cursor. When
nothing matches as typed, the entity names a few typing errors away are the entity hits (rank
4) and are offered as `did_you_mean`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.cypher.queries import ReadQuery as Q
from graph.names import normalize
from graph.reads.claims import claimants_of, standing_of
from graph.reads.entities import search_entities
from graph.reads.paging import offset_page
from graph.reads.shapes import Row, claim_status, read_evidence
from graph.store import GraphStore
from graph.views import EventRef, HitKind, Page, SearchPage

DID_YOU_MEAN = 5  # names offered when nothing matches as typed
Fetch = Callable[[int, int], list[dict[str, Any]]]


def _text(q: str) -> str:
    """The lower-case text labels and titles are matched against."""
    return " ".join(q.lower().split())


def _event_ids(store: GraphStore, q: str) -> list[str]:
    """The ids of the events matching `q`, newest first (undated last)."""
    term, text = normalize(q), _text(q)
    if not term and not text:
        return []
    rows = store.read(Q.SEARCH_EVENTS, term=term or text, text=text or term)
    found = {r["id"]: r["date"] for r in rows}
    dated = sorted(i for i in found if found[i])
    dated.sort(key=lambda i: str(found[i]), reverse=True)  # stable: ids in order within a day
    return dated + sorted(i for i in found if not found[i])


def _events(store: GraphStore, ids: list[str]) -> list[Row]:
    """The events asked for, in that order, with their standing and claimants."""
    if not ids:
        return []
    found = {r["id"]: r for r in store.read(Q.READ_EVENTS, ids=ids)}
    quotes = read_evidence(store, ids)
    return [
        {
            **found[i],
            "status": claim_status(found[i]["status"]),
            **standing_of(quotes.get(i, []), found[i]["date"], found[i]["status"]),
            "claimants": claimants_of(quotes.get(i, [])),
        }
        for i in ids
        if i in found
    ]


def search_events(store: GraphStore, q: str, *, offset: int = 0, limit: int = 20) -> Page[EventRef]:
    """Events whose label, place or participants match `q`, newest first (undated last)."""
    ids = _event_ids(store, q)
    rows = _events(store, ids[offset : offset + limit + 1])
    return Page[EventRef].model_validate(offset_page(rows, offset, limit, len(ids)))


def _articles(store: GraphStore, text: str, offset: int, n: int) -> list[Row]:
    return store.read(Q.SEARCH_ARTICLES, text=text, offset=offset, limit=n)


def search_all(store: GraphStore, q: str, *, offset: int = 0, limit: int = 20) -> SearchPage:
    """Entities, events and articles matching `q`, as typed hits, one page of the whole list."""
    text = _text(q)
    first = search_entities(store, q, limit=1)
    entity_total = first.total or 0
    event_ids = _event_ids(store, q)
    article_total = store.read(Q.COUNT_SEARCH_ARTICLES, text=text)[0]["total"] if text else 0
    misspelt = bool(first.items) and first.items[0].rank == 4

    def entities(at: int, n: int) -> list[dict[str, Any]]:
        page = search_entities(store, q, limit=n, offset=at)
        return [_hit(HitKind.ENTITY, e.id, e.name, entity=e) for e in page.items]

    def events(at: int, n: int) -> list[dict[str, Any]]:
        rows = _events(store, event_ids[at : at + n])
        return [_hit(HitKind.EVENT, r["id"], r["label"], event=r) for r in rows]

    def articles(at: int, n: int) -> list[dict[str, Any]]:
        rows = _articles(store, text, at, n)
        return [_hit(HitKind.ARTICLE, r["id"], r["title"], article=r) for r in rows]

    segments: list[tuple[int, Fetch]] = [
        (entity_total, entities),
        (len(event_ids), events),
        (article_total, articles),
    ]
    items = _concatenated(segments, offset, limit + 1)
    total = sum(n for n, _ in segments)
    suggestions: list[str] = []
    if misspelt or total == 0:
        near = search_entities(store, q, limit=DID_YOU_MEAN).items if misspelt else []
        suggestions = list(dict.fromkeys(e.name for e in near))
    return SearchPage.model_validate(
        {**offset_page(items, offset, limit, total), "did_you_mean": suggestions}
    )


def _hit(kind: HitKind, id_: str, name: str | None, **typed: object) -> dict[str, Any]:
    return {"hit": kind, "id": id_, "name": name, **typed}


def _concatenated(segments: list[tuple[int, Fetch]], offset: int, n: int) -> list[dict[str, Any]]:
    """Up to `n` items from `offset` of the lists one after another (each its size and fetch)."""
    out: list[dict[str, Any]] = []
    for size, fetch in segments:
        if len(out) >= n:
            break
        if offset >= size:
            offset -= size
            continue
        out += fetch(offset, min(n - len(out), size - offset))
        offset = 0
    return out
