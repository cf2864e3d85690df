"""Entity names are kept as indexed SearchKey nodes by every write, and the search that reads
them ranks entities as a scan of every entity's names does."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from graph.cypher.queries import ReadQuery
from graph.keys import suffixes
from graph.models import Article, ArticleFacts, Entity, EntityType, Evidence
from graph.names import normalize
from graph.store import GraphStore
from tests.support.cypher import cypher

KEY_NODES = "MATCH (k:SearchKey) RETURN k.entity AS entity, k.text AS text, k.whole AS whole"
ENTITY_KEYS = "MATCH (n:Entity) RETURN n.id AS id, n.search_keys AS search_keys"
# The search before the keys were nodes: every entity's keys compared with the term.
SCAN = """MATCH (n:Entity)
WHERE $type IS NULL OR n.type = $type
WITH n, reduce(best = 9, k IN n.search_keys |
       CASE
         WHEN k = $term THEN 0
         WHEN best > 1 AND k STARTS WITH $term THEN 1
         WHEN best > 2 AND (' ' + k + ' ') CONTAINS (' ' + $term + ' ') THEN 2
         WHEN best > 3 AND (' ' + k) CONTAINS (' ' + $term) THEN 3
         ELSE best
       END) AS rank
WHERE rank < 9
RETURN n.id AS id, n.name AS name, n.type AS type, n.aliases AS aliases, n.roles AS roles,
       n.article_count AS article_count, rank
ORDER BY rank, article_count DESC, n.name, n.id
LIMIT $limit"""
NAMES = ["Mara Velden", "Ilsa Brand", "Velden Group", "Brand Velden", "Sarn Council", "Lorvik"]
ALIASES = ["Velden", "Mara", "Ilsa", "the Council", "Sarn", "Brandt"]
TERMS = ["velden", "mara velden", "mar", "brand", "sarn c", "council", "v", "lorvik", "x"]


def _article(rng: random.Random, aid: str, salt: str) -> ArticleFacts:
    text = f"Dispatch {aid} {salt}."
    ev = Evidence(article_id=aid, sentence=text, start=0, end=len(text))
    people = rng.sample(range(len(NAMES)), rng.randint(1, 3))
    return ArticleFacts(
        article=Article(
            id=aid,
            source="Wire",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        entities=tuple(
            Entity(
                id=f"e-{i}",
                type=rng.choice([EntityType.PERSON, EntityType.ORGANIZATION]),
                name=NAMES[i],
                aliases=tuple(rng.sample(ALIASES, rng.randint(0, 2))),
                evidence=(ev,),
            )
            for i in people
        ),
    )


def _assert_keys_in_step(store: GraphStore) -> None:
    held = sorted((r["entity"], r["text"], r["whole"]) for r in cypher(store, KEY_NODES))
    wanted = sorted(
        (r["id"], text, whole)
        for r in cypher(store, ENTITY_KEYS)
        for text, whole in suffixes(r["search_keys"]).items()
    )
    assert held == wanted


def test_suffixes_start_at_each_word_and_mark_whole_keys() -> None:
    assert suffixes(["benjamin netanyahu", "netanyahu"]) == {
        "benjamin netanyahu": True,
        "netanyahu": True,
    }
    assert suffixes(["sarn city council"]) == {
        "sarn city council": True,
        "city council": False,
        "council": False,
    }


def test_writes_keep_the_keys_and_the_search_ranks_as_a_scan(store: GraphStore) -> None:
    rng = random.Random(3)
    present: set[str] = set()
    for step in range(30):
        if rng.random() < 0.25 and present:
            aid = rng.choice(sorted(present))
            assert store.delete_article(aid)
            present.discard(aid)
        else:
            batch = [_article(rng, f"a-{rng.randrange(8)}", str(step)) for _ in range(2)]
            store.write_articles(batch)
            present.update(f.article.id for f in batch)
        _assert_keys_in_step(store)
        found = 0
    for term in TERMS:
        for type_ in (None, str(EntityType.PERSON)):
            params: dict[str, Any] = {"term": normalize(term), "type": type_, "limit": 20}
            indexed = store.read(ReadQuery.SEARCH_ENTITIES, **params)
            assert indexed == cypher(store, SCAN, **params), (term, type_)
            found += len(indexed)
    assert found, "some terms match"


def test_a_graph_without_key_nodes_gets_them_at_start(store: GraphStore) -> None:
    rng = random.Random(9)
    store.write_articles([_article(rng, f"b-{i}", "x") for i in range(4)])
    store.write(lambda tx: tx.run("MATCH (k:SearchKey) DELETE k").consume())
    store.write(lambda tx: tx.run("MATCH (g:GraphState) REMOVE g.search_keys_indexed").consume())
    assert cypher(store, KEY_NODES) == []
    store.ensure_schema()
    assert cypher(store, KEY_NODES)
    _assert_keys_in_step(store)
