"""The graph store on the real embedded server: schema, idempotent writes, provenance, rollback."""

from __future__ import annotations

import pytest
from neo4j import GraphDatabase

from graph import embedded
from graph.errors import GraphAuthFailed, GraphUnavailable, WriteRejected
from graph.export import read_document
from graph.models import WriteStatus
from graph.settings import Settings
from graph.store import GraphStore
from graph.writes import build_rows
from tests.support.cypher import cypher, cypher_value
from tests.support.factories import talks_article
from tests.support.merge import facts_document


def test_schema_bootstrap_twice_keeps_one_constraint_each(store: GraphStore) -> None:
    first = store.ensure_schema()
    second = store.ensure_schema()
    assert first == second > 0
    rows = cypher(store, "SHOW CONSTRAINTS")
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    assert {"article_id", "entity_id", "event_id"} <= set(names)


def test_schema_counts_articles_of_a_graph_written_with_article_lists(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", extra=" Same story."))
    store.write(  # the shape older versions wrote: an `articles` list and no count
        lambda tx: tx.run(
            "MATCH (n:Entity) SET n.articles = ['a-1', 'a-2'] REMOVE n.article_count"
        ).consume()
    )
    store.ensure_schema()
    rows = cypher(store, "MATCH (n:Entity) RETURN n.article_count AS c, n.articles AS old")
    assert rows and all(r["c"] == 2 and r["old"] is None for r in rows)
    store.write_article(talks_article("a-1", extra=" Corrected."))
    store.write_article(talks_article("a-2", extra=" Corrected too."))
    counts = cypher(store, "MATCH (n:Entity) RETURN n.article_count AS c")
    assert [r["c"] for r in counts] == [2] * len(counts)


def test_write_article_twice_changes_nothing(store: GraphStore) -> None:
    facts = talks_article("a-1")
    assert store.write_article(facts) is WriteStatus.LOADED
    before = (store.counts(), read_document(store))
    assert store.write_article(facts) is WriteStatus.UNCHANGED
    assert (store.counts(), read_document(store)) == before
    assert before[0]["Entity"] == 4 and before[0]["Event"] == 1


def test_same_fact_from_two_articles_is_one_edge_listing_both(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", extra=" More was said later."))
    rows = cypher(
        store,
        "MATCH (p:Entity {id: $p})-[r:ATTENDED]->(v:Event) RETURN r.articles AS articles",
        p="mara-velden",
    )
    assert len(rows) == 1
    assert sorted(rows[0]["articles"]) == ["a-1", "a-2"]
    quotes = cypher(
        store,
        "MATCH (ev:Evidence {fact: $key}) RETURN ev.article AS a ORDER BY a",
        key="mara-velden|ATTENDED|talks-lorvik-2031-03-04",
    )
    assert [q["a"] for q in quotes] == ["a-1", "a-2"]


def test_export_equals_in_memory_merge(store: GraphStore) -> None:
    facts = [talks_article("a-1"), talks_article("a-2", delegate="Ilsa Brand", extra=" Again.")]
    for f in facts:
        store.write_article(f)
    assert read_document(store) == facts_document(facts)


def test_failed_row_rolls_back_the_whole_article(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    before = read_document(store)
    bad = talks_article("a-2", delegate="Ilsa Brand", city="Sarn")
    rows = build_rows(bad)
    rows.evidence[-1]["sentence"] = {"not": "a value"}  # a map property: refused, written last
    with pytest.raises(WriteRejected, match="a-2"):
        store.write_rows_of(bad, rows)
    assert read_document(store) == before
    assert store.article_hash("a-2") is None


def test_changed_article_replaces_only_its_own_facts(store: GraphStore) -> None:
    store.write_article(talks_article("a-1"))
    store.write_article(talks_article("a-2", extra=" Same story."))
    changed = talks_article("a-1", delegate="Ilsa Brand", extra=" Corrected.")
    assert store.write_article(changed) is WriteStatus.UPDATED
    doc = read_document(store)
    people = {e["id"]: e["articles"] for e in doc["entities"] if e["type"] == "Person"}
    assert people == {"mara-velden": ["a-2"], "ilsa-brand": ["a-1"]}
    attended = [r for r in doc["relations"] if r["predicate"] == "ATTENDED"]
    assert {(r["subject"], tuple(r["articles"])) for r in attended} == {
        ("mara-velden", ("a-2",)),
        ("ilsa-brand", ("a-1",)),
    }
    assert cypher_value(
        store, "MATCH (ev:Evidence {article: $a}) RETURN count(ev) AS c", "c", a="a-1"
    ) == len(build_rows(changed).evidence)


def test_wrong_password_is_reported_as_auth_failure(graph_settings: Settings) -> None:
    info = embedded.running(graph_settings.kg_data_dir.resolve())
    assert info is not None
    settings = Settings(
        neo4j_uri=info.uri,
        neo4j_user="root",
        neo4j_password="wrong-password",
        neo4j_database="kg",
        _env_file=None,
    )
    with pytest.raises(GraphAuthFailed, match="NEO4J_PASSWORD"):
        GraphStore.connect(settings)


def test_unreachable_database_is_reported_clearly() -> None:
    from graph.embedded import free_port

    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{free_port()}", neo4j_password="x", _env_file=None
    )
    with pytest.raises(GraphUnavailable, match="cannot be reached"):
        GraphStore.connect(settings)


def test_embedded_server_listens_on_loopback_with_generated_password(
    graph_settings: Settings,
) -> None:
    data_dir = graph_settings.kg_data_dir.resolve()
    pw = embedded.password_file(data_dir)
    assert pw.stat().st_mode & 0o777 == 0o600
    assert len(pw.read_text().strip()) >= 24
    info = embedded.running(data_dir)
    assert info is not None
    with GraphDatabase.driver(info.uri, auth=("root", pw.read_text().strip())) as d:
        d.verify_connectivity()
    binds = _listening_addresses(info.bolt_port)
    assert binds, "nothing listens on the Bolt port"
    assert binds <= {
        "0100007F",
        "0000000000000000FFFF00000100007F",
        "00000000000000000000000001000000",
    }, binds


def _listening_addresses(port: int) -> set[str]:
    """Hex local addresses of sockets listening on `port` (from /proc/net/tcp and tcp6)."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as fh:
            for line in fh.read().splitlines()[1:]:
                cols = line.split()
                addr, _, hex_port = cols[1].partition(":")
                if cols[3] == "0A" and int(hex_port, 16) == port:
                    found.add(addr)
    return found
