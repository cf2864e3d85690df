"""Claim statuses on the real embedded server: per article on each fact, the fact's own across
them, kept through updates, retractions, batches, the export and a backup."""

from __future__ import annotations

import itertools
import json
from typing import Any

from graph.backup import import_document
from graph.cypher import catalog
from graph.export import read_document
from graph.models import ArticleFacts, ClaimStatus, fact_status
from graph.reads import read_event_chain, read_event_profile, read_timeline
from graph.store import GraphStore
from graph.writes import retract_article
from tests.support.cypher import cypher
from tests.support.factories import claimed, talks_article
from tests.support.merge import facts_document

TALKS = "talks-lorvik-2031-03-04"
ATTENDED = ("mara-velden", "ATTENDED", TALKS)
STATED, PLANNED, DOUBTED = ClaimStatus.STATED, ClaimStatus.PLANNED, ClaimStatus.DOUBTED
DENIED, HYPOTHETICAL = ClaimStatus.DENIED, ClaimStatus.HYPOTHETICAL


def article(aid: str, status: ClaimStatus, extra: str = "") -> ArticleFacts:
    """The invented round of talks in Lorvik as article `aid` presents it."""
    return claimed(talks_article(aid, extra=extra or f" Reported as {aid}."), status)


def statuses(doc: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
    """The round's status, its ATTENDED edge's status and that edge's per-article statuses."""
    event = next(v for v in doc["events"] if v["id"] == TALKS)
    edge = next(
        r for r in doc["relations"] if (r["subject"], r["predicate"], r["object"]) == ATTENDED
    )
    return event["status"], edge["status"], edge["article_statuses"]


def stored(store: GraphStore) -> tuple[str, str]:
    """The status the graph's writes stored on the round and on its ATTENDED edge."""
    rows = cypher(
        store,
        "MATCH (p:Entity {id: $p})-[r:ATTENDED]->(v:Event {id: $v}) "
        "RETURN v.status AS event, r.status AS edge",
        p=ATTENDED[0],
        v=TALKS,
    )
    return rows[0]["event"], rows[0]["edge"]


def write_all(store: GraphStore, facts: list[ArticleFacts]) -> dict[str, Any]:
    """The export after writing `facts` one by one; it must equal their in-memory merge, and
    the statuses stored by the Cypher writes must be the ones computed in Python."""
    for f in facts:
        store.write_article(f)
    doc = read_document(store)
    assert doc == facts_document(facts)
    assert stored(store) == statuses(doc)[:2]
    return doc


def test_facts_are_stated_by_default(store: GraphStore) -> None:
    doc = write_all(store, [talks_article("a-1")])
    assert {v["status"] for v in doc["events"]} == {"stated"}
    assert {r["status"] for r in doc["relations"]} == {"stated"}
    assert statuses(doc) == ("stated", "stated", {})


def test_planned_event_stated_later_by_another_article_is_stated(store: GraphStore) -> None:
    first = write_all(store, [article("a-1", PLANNED)])
    assert statuses(first) == ("planned", "planned", {"a-1": "planned"})
    both = write_all(store, [article("a-1", PLANNED), article("a-2", STATED)])
    assert statuses(both) == ("stated", "stated", {"a-1": "planned"})


def test_status_does_not_depend_on_load_order(store: GraphStore) -> None:
    facts = [article("a-1", DOUBTED), article("a-2", HYPOTHETICAL), article("a-3", DOUBTED)]
    forward = write_all(store, facts)
    store.delete_all()
    backward = write_all(store, facts[::-1])
    assert statuses(forward)[:2] == statuses(backward)[:2] == ("doubted", "doubted")
    store.delete_all()
    assert store.write_articles(facts) == ["loaded"] * 3  # one transaction, one UNWIND
    assert read_document(store) == forward
    assert stored(store) == ("doubted", "doubted")


def test_ties_between_claims_go_denied_then_doubted(store: GraphStore) -> None:
    doc = write_all(store, [article("a-1", DOUBTED), article("a-2", DENIED)])
    assert statuses(doc)[:2] == ("denied", "denied")
    store.delete_all()
    doc = write_all(store, [article("a-1", HYPOTHETICAL), article("a-2", DOUBTED)])
    assert statuses(doc)[:2] == ("doubted", "doubted")


def test_two_doubts_and_a_statement_is_stated_until_the_statement_changes(
    store: GraphStore,
) -> None:
    facts = [article("a-1", DOUBTED), article("a-2", DOUBTED), article("a-3", STATED)]
    assert statuses(write_all(store, facts))[:2] == ("stated", "stated")
    changed = article("a-3", HYPOTHETICAL, extra=" Now only if the envoys agree.")
    assert store.write_article(changed) == "updated"
    assert stored(store) == ("doubted", "doubted")
    doc = read_document(store)
    assert doc == facts_document([*facts[:2], changed])
    assert statuses(doc) == (
        "doubted",
        "doubted",
        {"a-1": "doubted", "a-2": "doubted", "a-3": "hypothetical"},
    )


def test_retracting_the_stating_article_recomputes_the_status(store: GraphStore) -> None:
    facts = [article("a-1", PLANNED), article("a-2", DENIED), article("a-3", STATED)]
    write_all(store, facts)
    store.write(lambda tx: retract_article(tx, "a-3"))
    doc = read_document(store)
    assert statuses(doc) == ("planned", "planned", {"a-1": "planned", "a-2": "denied"})
    assert stored(store) == ("planned", "planned")
    store.write(lambda tx: retract_article(tx, "a-1"))
    assert statuses(read_document(store)) == ("denied", "denied", {"a-2": "denied"})
    assert stored(store) == ("denied", "denied")


def test_statuses_round_trip_through_a_backup(store: GraphStore) -> None:
    facts = [
        article("a-1", PLANNED),
        article("a-2", DOUBTED),
        claimed(talks_article("a-3", delegate="Ilsa Brand", city="Sarn"), DENIED),
    ]
    write_all(store, facts)
    before = json.loads(json.dumps(read_document(store)))
    store.delete_all()
    import_document(store, before)
    assert read_document(store) == before
    assert {v["id"]: v["status"] for v in before["events"]} == {
        TALKS: "planned",
        "talks-sarn-2031-03-04": "denied",
    }


def test_graph_written_before_statuses_counts_its_articles_as_stating(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write(  # the shape older versions wrote: no status anywhere
        lambda tx: tx.run(
            "MATCH ()-[r]->() REMOVE r.status, r.statuses WITH count(*) AS n "
            "MATCH (v:Event) REMOVE v.status"
        ).consume()
    )
    assert statuses(read_document(store)) == ("stated", "stated", {})
    assert read_event_profile(store, TALKS).status == "stated"
    store.write_article(article("a-2", DOUBTED))
    doc = read_document(store)
    assert statuses(doc) == ("stated", "stated", {"a-2": "doubted"})
    assert stored(store) == ("stated", "stated")
    store.write(lambda tx: retract_article(tx, "a-1"))
    assert statuses(read_document(store)) == ("doubted", "doubted", {"a-2": "doubted"})
    assert stored(store) == ("doubted", "doubted")


def test_reads_return_the_status_of_events_and_relations(store: GraphStore) -> None:
    write_all(store, [article("a-1", PLANNED)])
    profile = read_event_profile(store, TALKS)
    assert profile.status == "planned"
    assert {(r.predicate, r.status) for r in profile.relations.items} == {("ATTENDED", "planned")}
    page = read_timeline(store, limit=10)
    assert [(e.id, e.status) for e in page.items] == [(TALKS, "planned")]
    assert [e.status for e in read_event_chain(store, TALKS).events] == ["planned"]


def test_cypher_status_rule_matches_the_python_rule(store: GraphStore) -> None:
    cases = [
        [str(s) for s in combo]
        for n in range(5)
        for combo in itertools.combinations_with_replacement(list(ClaimStatus), n)
    ]
    query = f"UNWIND $cases AS claims RETURN claims, {catalog.STATUS_OF} AS status"
    rows = cypher(store, query, cases=cases, **catalog.STATUS_PARAMS)
    assert len(rows) == len(cases)
    assert {tuple(r["claims"]): r["status"] for r in rows} == {
        tuple(c): str(fact_status(c)) for c in cases
    }
