"""Articles: the list, and one article with the facts taken from it."""

from __future__ import annotations

import datetime as dt

from graph.claims import claimant_of
from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import EdgeType
from graph.reads.claims import standing_of
from graph.reads.dated import newest_first
from graph.reads.paging import offset_page
from graph.reads.shapes import Row, node_fields, node_label, read_evidence
from graph.store import GraphStore
from graph.views import ArticleMeta, ArticleProfile, ArticleText, Page

MAX_WINDOWED = 1000


def newest_published(store: GraphStore) -> str | None:
    """The newest publication day written, or None (also for a value that is not a day, which
    a graph written before dates were checked may hold)."""
    rows = store.read(Q.READ_NEWEST_PUBLISHED)
    return _day_or_none(rows[0]["published"]) if rows else None


def _day_or_none(value: object) -> str | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


def list_articles(
    store: GraphStore, *, source: str | None = None, limit: int = 50, offset: int = 0
) -> Page[ArticleMeta]:
    """A page of article metadata, newest first (undated last), from `offset`.

    The first pages are read from windows on the indexed `published` going back from the newest
    date; deep pages (past MAX_WINDOWED articles) and graphs without a recorded newest date are
    read with one sorted query.
    """
    total = store.read(Q.COUNT_ARTICLES, source=source)[0]["total"]
    rows = _articles(store, source, limit + 1, offset)
    return Page[ArticleMeta].model_validate(offset_page(rows, offset, limit, total))


def _articles(store: GraphStore, source: str | None, limit: int, offset: int) -> list[Row]:
    """Up to `limit` articles from `offset`, newest first (undated last)."""
    need = offset + limit
    newest = newest_published(store)
    if newest is None or need > MAX_WINDOWED:
        return store.read(
            Q.READ_ARTICLES,
            source=source,
            before=None,
            limit=limit,
            offset=offset,
        )
    rows, rest = newest_first(
        store, Q.READ_ARTICLES_WINDOW, Q.READ_ARTICLES_OLDER, newest, need, source=source
    )
    if len(rows) < need:
        # The dated articles before `rest`, then the undated; "" when every dated one is read.
        rows += store.read(
            Q.READ_ARTICLES,
            source=source,
            before=rest if rest is not None else "",
            limit=need - len(rows),
            offset=0,
        )
    return rows[offset:]


def read_article_text(store: GraphStore, article_id: str) -> ArticleText:
    """One article's cleaned text, the text its quotes' offsets index; NotFound if unknown."""
    rows = store.read(Q.READ_ARTICLE_TEXT, id=article_id)
    if not rows:
        raise NotFound("article", article_id)
    return ArticleText.model_validate(rows[0])


def read_article_facts(store: GraphStore, article_id: str) -> ArticleProfile:
    """One article's metadata and the entities, events, issues and relations taken from it."""
    rows = store.read(Q.READ_ARTICLES_BY_ID, ids=[article_id])
    if not rows:
        raise NotFound("article", article_id)
    quotes: dict[str, list[Row]] = {}
    outlet = {"kind": "outlet", "name": rows[0].get("source")}
    for q in store.read(Q.READ_ARTICLE_EVIDENCE, id=article_id):
        fact = q.pop("fact")
        claimant = claimant_of(q) or outlet
        quote = {k: q[k] for k in ("sentence", "start", "end", "confidence", "status")}
        quotes.setdefault(fact, []).append({**quote, "claimant": claimant})
    found: dict[str, list[Row]] = {"Entity": [], "Event": [], "Issue": []}
    for m in store.read(Q.READ_ARTICLE_MENTIONS, id=article_id):
        label = node_label(m.pop("labels"))
        if label in found:
            detail = m.pop("type")
            found[label].append(
                {**m, **node_fields(label, detail), "evidence": quotes.get(m["id"], [])}
            )
    rows_of = store.read(Q.READ_ARTICLE_RELATIONS, id=article_id)
    # standing is the fact's across all its articles, not this one's word alone
    everywhere = read_evidence(
        store, [r["key"] for r in rows_of] + [_event_end(r) for r in rows_of] + events_of(found)
    )
    for event in found["Event"]:
        event.update(standing_of(everywhere.get(event["id"], []), event.get("date")))
    relations = []
    for r in rows_of:
        relations.append(
            {
                "subject": {"id": r["subject_id"], "name": r["subject_name"]},
                "predicate": r["type"],
                "role": r["role"],
                "object": {
                    "id": r["object_id"],
                    "name": r["object_name"],
                    "node": node_label(r["object_labels"]),
                },
                "confidence": r["confidence"],
                "evidence": quotes.get(r["key"]) or quotes.get(_event_end(r), []),
                **standing_of(everywhere.get(r["key"]) or everywhere.get(_event_end(r), []), None),
            }
        )
    return ArticleProfile.model_validate(
        {
            **rows[0],
            "entities": found["Entity"],
            "events": found["Event"],
            "issues": found["Issue"],
            "relations": relations,
        }
    )


def events_of(found: dict[str, list[Row]]) -> list[str]:
    """The ids of the events an article mentions."""
    return [str(e["id"]) for e in found["Event"]]


def _event_end(r: Row) -> str:
    """The event of a place or participation edge, whose sentences back it when it has none."""
    return str(r["subject_id"] if r["type"] == EdgeType.HELD_IN else r["object_id"])
