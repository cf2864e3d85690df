"""Every write keeps PRECEDED between successive rounds of talks: after any mix of new, changed,
deleted and batched articles, the derived links are those a derivation over all rounds gives."""

from __future__ import annotations

import hashlib
import random

from graph.models import (
    Article,
    ArticleFacts,
    ClaimStatus,
    DatePrecision,
    Event,
    EventKind,
    Evidence,
)
from graph.store import GraphStore
from tests.support.cypher import cypher

DERIVED = """MATCH (a:Event)-[r:PRECEDED]->(b:Event) WHERE r.derived = true
RETURN a.id AS source, b.id AS target, r.source_date AS source_date,
       r.target_date AS target_date, r.rule AS rule ORDER BY source, target"""
STATUSES = (ClaimStatus.STATED, ClaimStatus.PLANNED, ClaimStatus.DOUBTED)


def _article(
    aid: str, rounds: list[tuple[str, str | None, ClaimStatus]], salt: str
) -> ArticleFacts:
    """One article stating rounds (id, date or None, status); `salt` changes its content."""
    text = f"Report {aid} {salt}: " + " ".join(f"Round {r} met." for r, _, _ in rounds)
    events = []
    for event_id, date, status in rounds:
        sentence = f"Round {event_id} met."
        start = text.index(sentence)
        ev = Evidence(article_id=aid, sentence=sentence, start=start, end=start + len(sentence))
        events.append(
            Event(
                id=event_id,
                kind=EventKind.TALKS,
                label=f"Round {event_id}",
                date=date,
                date_precision=DatePrecision.DAY if date else None,
                evidence=(ev,),
                status=status,
            )
        )
    return ArticleFacts(
        article=Article(
            id=aid,
            source="Wire",
            published="2031-12-31",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        events=tuple(events),
    )


def _derived(store: GraphStore) -> list[dict[str, object]]:
    return cypher(store, DERIVED)


def _assert_as_derived_from_all(store: GraphStore) -> list[dict[str, object]]:
    kept = _derived(store)
    store.derive_sequences()
    assert kept == _derived(store)
    return kept


def test_a_write_links_its_round_between_the_rounds_around_it(store: GraphStore) -> None:
    store.write_article(_article("a", [("r-jan", "2031-01-10", ClaimStatus.STATED)], "1"))
    store.write_article(_article("b", [("r-mar", "2031-03-10", ClaimStatus.STATED)], "1"))
    assert [(e["source"], e["target"]) for e in _derived(store)] == [("r-jan", "r-mar")]
    store.write_article(_article("c", [("r-feb", "2031-02-10", ClaimStatus.PLANNED)], "1"))
    links = _assert_as_derived_from_all(store)
    assert [(e["source"], e["target"]) for e in links] == [("r-feb", "r-mar"), ("r-jan", "r-feb")]
    assert {e["rule"] for e in links} == {"rounds in date order"}
    store.delete_article("c")
    assert [(e["source"], e["target"]) for e in _derived(store)] == [("r-jan", "r-mar")]
    doubted = _article("b", [("r-mar", "2031-03-10", ClaimStatus.DOUBTED)], "2")
    store.write_article(doubted)  # a round only doubted is no step of the sequence
    assert _derived(store) == []


def test_any_mix_of_writes_keeps_the_sequence_a_full_derivation_gives(store: GraphStore) -> None:
    rng = random.Random(7)
    rounds = [f"r{i:02d}" for i in range(24)]
    days = [f"2031-{m:02d}-{d:02d}" for m in (1, 2, 3, 5, 9) for d in (1, 2, 15, 28)]
    articles: dict[str, ArticleFacts] = {}
    for step in range(40):
        op = rng.random()
        if op < 0.15 and articles:
            aid = rng.choice(sorted(articles))
            assert store.delete_article(aid)
            del articles[aid]
        else:
            batch = []
            for _ in range(rng.choice((1, 1, 3, 6))):
                aid = f"art-{rng.randrange(14)}"
                picked = rng.sample(rounds, rng.randint(1, 3))
                facts = _article(
                    aid,
                    [(r, rng.choice([*days, None]), rng.choice(STATUSES)) for r in picked],
                    str(step),
                )
                articles[aid] = facts
                batch.append(facts)
            if len(batch) == 1:
                store.write_article(batch[0])
            else:
                store.write_articles(batch)
        _assert_as_derived_from_all(store)
    assert _derived(store), "the walk ends with some rounds in sequence"
