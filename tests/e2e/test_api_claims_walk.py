"""Every edge any endpoint returns, over the seed graph and the dev graph, has a source quote or
is marked derived with its rule; every fact's standing is one of the five."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.models import Standing
from graph.store import GraphStore
from loaders.pipeline import load_paths
from tests.support.paths import REPO

pytestmark = pytest.mark.slow
CORPORA = {
    "seeds": REPO.parent / "shared" / "seeds",
    "dev": REPO.parent / "shared" / "eval" / "dev" / "articles",
}
STANDINGS = {s.value for s in Standing}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request: pytest.FixtureRequest, session_store: GraphStore) -> Iterator[str]:
    """The graph holding exactly one corpus, its rounds linked in date order."""
    folder = CORPORA[request.param]
    if not (folder / "manifest.json").is_file():
        pytest.skip(f"{request.param} articles not found at {folder}")
    session_store.delete_all()
    report = load_paths([folder], session_store, manifest=folder / "manifest.json")
    assert not report.failed, report
    session_store.derive_sequences()
    yield request.param
    session_store.delete_all()


def edge_key(rel: dict[str, Any]) -> str:
    """A relation's identity as seen from its node."""
    return f"{rel['direction']} {rel['predicate']} {rel['other']['id']}"


class Walk:
    """Checks the edges of the answers it is given, and counts them."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.checked = 0
        self.derived = 0

    def get(self, path: str, **params: Any) -> Any:
        response = self.client.get(path, params=params)
        assert response.status_code == 200, f"{path}: {response.text}"
        return response.json()

    def all(self, path: str, key: str = "id", **params: Any) -> list[dict[str, Any]]:
        """Every item of a paged list, page by page to the end: each seen once, as many as
        `total` says."""
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            page = self.get(path, **params, **({"cursor": cursor} if cursor else {}))
            items += page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        keys = [str(item[key]) if key != "edge" else edge_key(item) for item in items]
        assert len(keys) == len(set(keys)), f"{path}: an item seen twice"
        assert page["total"] in (None, len(items)), f"{path}: total {page['total']}"
        return items

    def edge(self, where: str, edge: dict[str, Any]) -> None:
        self.checked += 1
        assert edge["standing"] in STANDINGS, where
        if edge.get("basis") == "derived":
            self.derived += 1
            assert edge["derivation"]["rule"], where
            assert len(edge["derivation"]["ends"]) == 2, where
            for end in edge["derivation"]["ends"]:
                assert end["date"], f"{where}: a derived end without its date"
                assert end["evidence"], f"{where}: a derived end without the quotes that date it"
            return
        assert edge.get("basis", "stated") == "stated", where
        assert edge["evidence"], f"{where}: an edge stated by no quote"
        for q in edge["evidence"]:
            assert q["claimant"]["kind"] in ("named", "unnamed", "outlet"), where
            assert q["article"]["id"], where


def test_every_edge_has_a_quote_or_is_derived(client: TestClient, corpus: str) -> None:
    walk = Walk(client)
    rounds = walk.all("/rounds", limit=3)
    for r in rounds:
        assert r["standing"] in STANDINGS
        call = walk.get(f"/rounds/{r['id']}/attendees")
        grouped = sorted(i for ids in call["standings"].values() for i in ids)
        assert grouped == sorted(a["id"] for a in call["attendees"])
        for a in call["attendees"]:
            where = f"{corpus} roll call {r['id']} {a['id']}"
            assert a["standing"] in STANDINGS, where
            if a["basis"] == "derived":
                assert a["rule"], where
            else:
                assert a["evidence"], where
    events = walk.all("/timeline", limit=7)
    assert events
    for e in events:
        assert e["standing"] in STANDINGS
        profile = walk.get(f"/events/{e['id']}")
        for rel in profile["relations"]["items"]:
            walk.edge(f"{corpus} event {e['id']} {rel['predicate']} {rel['other']['id']}", rel)
        chain = walk.get(f"/events/{e['id']}/chain", depth=2)
        for link in chain["links"]:
            walk.edge(f"{corpus} chain {link['source']} {link['predicate']} {link['target']}", link)
    entities = walk.all("/entities", limit=9)
    for ent in entities:
        profile = walk.get(f"/entities/{ent['id']}")
        for rel in profile["relations"]["items"]:
            walk.edge(f"{corpus} entity {ent['id']} {rel['predicate']} {rel['other']['id']}", rel)
        for part, key in (("relations", "edge"), ("events", "id"), ("articles", "id")):
            listed = walk.all(f"/entities/{ent['id']}/{part}", key=key, limit=2)
            first = profile[part]["items"]
            assert listed[: len(first)] == first, f"{ent['id']} {part}: the profile's first page"
            assert len(listed) == profile[part]["total"]
    for node in [r["id"] for r in rounds] + [ent["id"] for ent in entities[:20]]:
        hood = walk.get("/graph/neighbourhood", id=node, depth=1)
        for edge in hood["edges"]:
            walk.edge(
                f"{corpus} neighbourhood {edge['source']} {edge['predicate']} {edge['target']}",
                edge,
            )
    for article in walk.all("/articles", limit=4):
        facts = walk.get(f"/articles/{article['id']}")
        for rel in facts["relations"]:
            assert rel["evidence"], f"{corpus} article {article['id']} states {rel} with no quote"
    assert walk.checked > 50
    if len(rounds) > 1:
        assert walk.derived, "rounds in date order are linked by derived edges"


def test_seed_doubt_keeps_hamas_off_the_confirmed_roll_call(
    client: TestClient, corpus: str
) -> None:
    if corpus != "seeds":
        pytest.skip("a sentence of the seed articles")
    call = Walk(client).get("/rounds/talks-doha-2024-08/attendees")
    [hamas] = [a for a in call["attendees"] if a["id"] == "hamas"]
    assert hamas["standing"] == "unconfirmed"
    assert "hamas" in call["standings"]["unconfirmed"]
    [quote] = hamas["evidence"]
    assert "is still in doubt" in quote["sentence"]
    assert quote["status"] == "doubted"
    # the doubt is about Hamas's part: the round itself stays announced, not doubted
    assert call["round"]["standing"] == "expected"
    burns = next(a for a in call["attendees"] if a["id"] == "bill-burns")
    assert burns["standing"] == "expected"
    assert {q["claimant"]["name"] for q in burns["evidence"]} == {"Karine Jean-Pierre"}
