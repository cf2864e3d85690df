"""The writer keeps each entity's event count and, on busy entities, its latest articles and
events and its first fact edges each way, in the transaction of every write: after any mix of
new, changed, deleted and batched articles they are what the graph's own edges give."""

from __future__ import annotations

import hashlib
import random

import pytest

import graph.reads.entities
import graph.relation_summaries
import graph.summaries
from graph.cypher.queries import ReadQuery
from graph.models import (
    Article,
    ArticleFacts,
    DatePrecision,
    Entity,
    EntityType,
    Event,
    EventKind,
    Evidence,
    NodeLabel,
    Participant,
    Predicate,
    Relation,
    Role,
)
from graph.reads.entities import read_relations
from graph.relation_summaries import item_of
from graph.store import GraphStore
from tests.support.cypher import cypher

TRUE_ARTICLES = """MATCH (n:Entity {id: $id})<-[:MENTIONS]-(a:Article)
RETURN a.id AS id, a.published AS date ORDER BY date IS NULL, date DESC, id"""
TRUE_EVENTS = """MATCH (n:Entity {id: $id})-[:PARTICIPATED_IN|HELD_IN|ATTENDED]-(v:Event)
WITH DISTINCT v RETURN v.id AS id, v.date AS date ORDER BY date IS NULL, date DESC, id"""
SUMMARIES = """MATCH (n:Entity) RETURN n.id AS id, n.article_count AS article_count,
n.event_count AS event_count, n.latest_articles AS articles,
n.latest_article_dates AS article_dates, n.latest_events AS events,
n.latest_event_dates AS event_dates, n.fact_out AS fact_out, n.fact_in AS fact_in,
n.latest_out AS latest_out, n.latest_out_dates AS latest_out_dates, n.latest_in AS latest_in,
n.latest_in_dates AS latest_in_dates ORDER BY id"""
PEOPLE = [f"person-{i}" for i in range(6)]
EVENTS = [f"event-{i:02d}" for i in range(14)]
DATES = [("2031-03-01", DatePrecision.MONTH), ("2031-01-01", DatePrecision.YEAR)] + [
    (f"2031-0{m}-1{d}", DatePrecision.DAY) for m in (2, 3, 4) for d in (1, 5)
]


def _article(rng: random.Random, aid: str, salt: str) -> ArticleFacts:
    people = rng.sample(PEOPLE, rng.randint(1, 4))
    events = rng.sample(EVENTS, rng.randint(0, 3))
    text = f"Dispatch {aid} {salt}. " + " ".join(f"{p} spoke." for p in people)
    sentence = text.split(". ")[0] + "."

    def ev() -> Evidence:
        return Evidence(article_id=aid, sentence=sentence, start=0, end=len(sentence))

    events_written = tuple(_event(rng, v, people, ev()) for v in events)
    relations = [
        Relation(
            subject_id=p.entity_id,
            predicate=Predicate.ATTENDED,
            object_id=v.id,
            object_label=NodeLabel.EVENT,
            evidence=ev(),
        )
        for v in events_written
        for p in v.participants
    ]
    if len(people) > 1 and rng.random() < 0.5:
        a, b = rng.sample(people, 2)
        relations.append(
            Relation(subject_id=a, predicate=Predicate.MEMBER_OF, object_id=b, evidence=ev())
        )
    if rng.random() < 0.5:
        demand = rng.choice(["a ceasefire", "a corridor", "a prisoner swap"])
        relations.append(
            Relation(
                subject_id=people[0],
                predicate=Predicate.DEMANDED,
                object_text=demand,
                evidence=ev(),
            )
        )
    return ArticleFacts(
        article=Article(
            id=aid,
            source="Wire",
            published=rng.choice([None, "2031-05-01", "2031-05-02", "2031-06-10", "2031-07-01"]),
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        entities=tuple(
            Entity(id=p, type=EntityType.PERSON, name=p.title(), evidence=(ev(),)) for p in people
        ),
        events=events_written,
        relations=tuple(relations),
    )


def _event(rng: random.Random, event_id: str, people: list[str], ev: Evidence) -> Event:
    """An event some of `people` took part in, dated at some precision or undated."""
    date, precision = rng.choice([*DATES, (None, None)])
    return Event(
        id=event_id,
        kind=EventKind.ATTACK,
        label=event_id,
        date=date,
        date_precision=precision,
        participants=tuple(
            Participant(entity_id=p, role=Role.ATTENDEE)
            for p in rng.sample(people, rng.randint(0, len(people)))
        ),
        evidence=(ev,),
    )


def _check(store: GraphStore) -> int:
    """Asserts every entity's summary against its edges; returns how many keep lists."""
    kept = 0
    for row in cypher(store, SUMMARIES):
        true_articles = [(r["date"], r["id"]) for r in cypher(store, TRUE_ARTICLES, id=row["id"])]
        true_events = [(r["date"], r["id"]) for r in cypher(store, TRUE_EVENTS, id=row["id"])]
        assert row["event_count"] == len(true_events), row["id"]
        assert row["article_count"] == len(true_articles), row["id"]
        if row["articles"] is None:
            assert row["article_count"] < graph.summaries.BUSY, row["id"]
            continue
        kept += 1
        for ids, dates, truth in (
            (row["articles"], row["article_dates"], true_articles),
            (row["events"], row["event_dates"], true_events),
        ):
            held = [(d or None, i) for d, i in zip(dates, ids, strict=True)]
            assert held == truth[: len(held)], row["id"]
            assert len(held) >= min(graph.summaries.SERVED, len(truth)), row["id"]
            assert len(held) <= graph.summaries.KEEP
        _check_relations(store, row)
    return kept


def _check_relations(store: GraphStore, row: dict[str, object]) -> None:
    """The fact edges a busy entity keeps are the first of its edges each way, and a page read
    from them is the page read from all its edges."""
    truth: dict[str, list[tuple[str, str]]] = {"out": [], "in": []}
    for r in store.read(
        ReadQuery.READ_NODE_RELATIONS,
        from_=NodeLabel.ENTITY,
        id=row["id"],
        skip_out=0,
        skip_in=0,
        max_rows=10_000,
    ):
        label = "Event" if "Event" in r["other_labels"] else r["other_labels"][0]
        truth[r["direction"]].append(item_of(r["type"], label, r["other_id"], r["other_date"]))
    assert row["latest_out"] is not None, row["id"]
    for way in ("out", "in"):
        assert row[f"fact_{way}"] == len(truth[way]), (row["id"], way)
        ids, dates = row[f"latest_{way}"], row[f"latest_{way}_dates"]
        assert isinstance(ids, list) and isinstance(dates, list)
        held = list(zip(dates, ids, strict=True))
        assert held == truth[way][: len(held)], (row["id"], way)
        assert len(held) >= min(graph.relation_summaries.SERVED, len(truth[way])), row["id"]
    eid = str(row["id"])
    for offset, limit in ((0, 2), (1, 1), (2, 3)):
        kept = read_relations(store, NodeLabel.ENTITY, eid, offset=offset, limit=limit)
        monkey = graph.reads.entities._kept_rows
        graph.reads.entities._kept_rows = lambda *a: None
        try:
            full = read_relations(store, NodeLabel.ENTITY, eid, offset=offset, limit=limit)
        finally:
            graph.reads.entities._kept_rows = monkey
        assert kept == full, (eid, offset, limit)


@pytest.mark.parametrize("seed", [5, 11])
def test_summaries_follow_any_mix_of_writes(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    monkeypatch.setattr(graph.summaries, "BUSY", 3)
    monkeypatch.setattr(graph.summaries, "KEEP", 4)
    monkeypatch.setattr(graph.summaries, "SERVED", 3)
    monkeypatch.setattr(graph.relation_summaries, "KEEP", 5)
    monkeypatch.setattr(graph.relation_summaries, "SERVED", 4)
    rng = random.Random(seed)
    present: set[str] = set()
    kept = 0
    for step in range(45):
        if rng.random() < 0.2 and present:
            aid = rng.choice(sorted(present))
            assert store.delete_article(aid)
            present.discard(aid)
        else:
            batch = [
                _article(rng, f"art-{rng.randrange(12)}", str(step))
                for _ in range(rng.choice((1, 1, 2, 5)))
            ]
            if len(batch) == 1:
                store.write_article(batch[0])
            else:
                store.write_articles(batch)
            present.update(f.article.id for f in batch)
        kept = max(kept, _check(store))
    assert kept, "some entity became busy and kept its lists"
