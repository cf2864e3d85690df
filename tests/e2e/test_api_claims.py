"""Claims through the API on the real embedded server: articles of our own, extracted by the real
pipeline, written over Bolt; standings, claimants, /claims and derived edges read back."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.backup import import_document
from graph.export import read_document
from graph.models import (
    Article,
    ArticleFacts,
    ClaimStatus,
    DatePrecision,
    Event,
    EventKind,
    Evidence,
    NodeLabel,
    Predicate,
    Relation,
)
from graph.store import ROUND_SEQUENCE_RULE, GraphStore
from loaders.extract import extract_article

TOOK_PART = (
    "The Hamas delegation took part in the talks in Cairo on Monday, an Egyptian official "
    "told Reuters."
)
STAYED_AWAY = (
    "The Hamas delegation did not attend the talks in Cairo on Monday, Hamas official Basem "
    "Naim told Al Jazeera."
)
CAIRO = "talks-cairo-2024-08"
DELEGATION = "hamas-delegation-2024-08"


def write_text(
    store: GraphStore, aid: str, text: str, *, published: str, source: str
) -> ArticleFacts:
    """Extracts an article of our own with the real pipeline and writes it to the graph."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        id=aid,
        title=f"Report {aid}",
        source=source,
        published=published,
        content_hash=digest,
        text=text,
    )
    facts = extract_article(article)
    store.write_article(facts)
    return facts


def ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def attendee(call: dict[str, Any], entity_id: str) -> dict[str, Any]:
    found = [a for a in call["attendees"] if a["id"] == entity_id]
    assert found, f"{entity_id} is not on the roll call: {[a['id'] for a in call['attendees']]}"
    entry: dict[str, Any] = found[0]
    return entry


def test_contested_attendance_shows_both_sources(client: TestClient, store: GraphStore) -> None:
    write_text(store, "claim-reuters", TOOK_PART, published="2024-08-13", source="Reuters")
    write_text(store, "claim-aljazeera", STAYED_AWAY, published="2024-08-13", source="Al Jazeera")
    call = ok(client, f"/rounds/{CAIRO}/attendees")
    delegation = attendee(call, DELEGATION)
    assert delegation["standing"] == "contested"
    assert delegation["sources"] == 2
    assert DELEGATION in call["standings"]["contested"]
    assert DELEGATION not in call["standings"]["confirmed"]
    said = {
        (q["article"]["source"], q["status"], q["claimant"]["kind"], q["claimant"]["name"])
        for q in delegation["evidence"]
    }
    assert said == {
        ("Reuters", "stated", "unnamed", "unnamed Egyptian official"),
        ("Al Jazeera", "denied", "named", "Basem Naim"),
    }
    assert {q["article"]["published"] for q in delegation["evidence"]} == {"2024-08-13"}
    assert {q["sentence"] for q in delegation["evidence"]} == {TOOK_PART, STAYED_AWAY}

    answer = ok(client, "/claims", subject=DELEGATION, object=CAIRO, predicate="ATTENDED")
    assert answer["subject"]["id"] == DELEGATION and answer["object"]["id"] == CAIRO
    [fact] = answer["facts"]
    assert (fact["predicate"], fact["standing"], fact["basis"]) == (
        "ATTENDED",
        "contested",
        "stated",
    )
    claims = {(c["article"]["id"], c["status"], c["claimant"]["name"]) for c in fact["claims"]}
    assert claims == {
        ("claim-reuters", "stated", "unnamed Egyptian official"),
        ("claim-aljazeera", "denied", "Basem Naim"),
    }
    via = {c["claimant"]["via"] for c in fact["claims"]}
    assert via == {"Reuters", "Al Jazeera"}
    # every predicate between the two when none is asked for; none for a pair with no fact
    assert [
        f["predicate"] for f in ok(client, "/claims", subject=DELEGATION, object=CAIRO)["facts"]
    ]
    none = ok(client, "/claims", subject=DELEGATION, object=CAIRO, predicate="KILLED")
    assert none["facts"] == []
    assert (
        client.get("/claims", params={"subject": "nobody-here", "object": CAIRO}).status_code == 404
    )


def test_doubted_attendance_alone_is_never_confirmed(client: TestClient, store: GraphStore) -> None:
    write_text(
        store,
        "claim-unclear",
        "Whether Hamas will attend the talks in Doha is still unclear.",
        published="2024-08-13",
        source="Wire",
    )
    rounds = ok(client, "/rounds")["items"]
    [round_] = [r for r in rounds if r["id"].startswith("talks-doha")]
    call = ok(client, f"/rounds/{round_['id']}/attendees")
    hamas = attendee(call, "hamas")
    assert hamas["standing"] == "unconfirmed"
    assert call["standings"]["confirmed"] == []
    assert [q["status"] for q in hamas["evidence"]] == ["doubted"]
    confirmed = ok(client, "/rounds", standing="confirmed")
    assert round_["id"] not in {r["id"] for r in confirmed["items"]}
    timeline = ok(client, "/timeline", standing="confirmed")["items"]
    assert round_["id"] not in {e["id"] for e in timeline}
    profile = ok(client, "/entities/hamas", standing="confirmed")
    assert [r for r in profile["relations"]["items"] if r["predicate"] == "ATTENDED"] == []
    doubted = ok(client, "/entities/hamas", standing="unconfirmed")
    assert {
        r["other"]["id"] for r in doubted["relations"]["items"] if r["predicate"] == "ATTENDED"
    } == {round_["id"]}


@pytest.mark.parametrize(
    "plan",
    [
        "The Israeli delegation will hold talks in Cairo on Thursday with Egyptian mediators.",
        "The Israeli delegation will travel to Cairo on Thursday for talks with the mediators.",
    ],
)
def test_planned_round_is_expected_then_confirmed(
    client: TestClient, store: GraphStore, plan: str
) -> None:
    held = "The Israeli delegation held talks in Cairo on Thursday with Egyptian mediators."
    write_text(store, "claim-plan", plan, published="2024-08-13", source="Wire")  # a Tuesday
    [round_] = ok(client, "/rounds")["items"]
    assert (round_["id"], round_["date"], round_["standing"]) == (CAIRO, "2024-08-15", "expected")
    [event] = ok(client, "/timeline", standing="expected")["items"]
    assert event["id"] == CAIRO
    assert ok(client, "/rounds", standing="confirmed")["items"] == []

    write_text(store, "claim-held", held, published="2024-08-16", source="Other Wire")
    [round_] = ok(client, "/rounds")["items"]
    assert (round_["id"], round_["standing"], round_["sources"]) == (CAIRO, "confirmed", 2)
    assert [r["id"] for r in ok(client, "/rounds", standing="confirmed")["items"]] == [CAIRO]
    assert ok(client, "/rounds", standing="expected")["items"] == []
    call = ok(client, f"/rounds/{CAIRO}/attendees")
    assert attendee(call, "israeli-delegation-2024-08")["standing"] == "confirmed"
    assert call["round"]["standing"] == "confirmed"
    # the planning article's own facts carry their standing across both articles
    facts = ok(client, "/articles/claim-plan")
    [round_mention] = [e for e in facts["events"] if e["id"] == CAIRO]
    assert (round_mention["standing"], round_mention["sources"]) == ("confirmed", 2)
    attended = [r for r in facts["relations"] if r["object"]["id"] == CAIRO]
    assert attended and {r["standing"] for r in attended} == {"confirmed"}


def _round(aid: str, event_id: str, date: str, status: ClaimStatus, text: str) -> ArticleFacts:
    """One article stating (or doubting) one dated round of talks."""
    ev = Evidence(article_id=aid, sentence=text, start=0, end=len(text), confidence=0.9)
    return ArticleFacts(
        article=Article(
            id=aid,
            source="Wire",
            published=date,
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        events=(
            Event(
                id=event_id,
                kind=EventKind.TALKS,
                label=text[:40],
                date=date,
                date_precision=DatePrecision.DAY,
                evidence=(ev,),
                status=status,
            ),
        ),
    )


def test_derived_sequence_names_its_rule_and_skips_doubted_rounds(
    client: TestClient, store: GraphStore
) -> None:
    store.write_article(_round("r1", "talks-a", "2031-01-10", ClaimStatus.STATED, "Round A met."))
    store.write_article(
        _round("r2", "talks-b", "2031-02-10", ClaimStatus.DOUBTED, "Round B may not meet.")
    )
    store.write_article(_round("r3", "talks-c", "2031-03-10", ClaimStatus.PLANNED, "C will meet."))
    assert store.derive_sequences() == 1
    chain = ok(client, "/events/talks-a/chain", direction="forward", depth=3)
    [link] = chain["links"]
    assert (link["source"], link["target"], link["predicate"]) == ("talks-a", "talks-c", "PRECEDED")
    assert link["basis"] == "derived" and link["evidence"] == [] and link["article_ids"] == []
    derivation = link["derivation"]
    assert derivation["rule"] == ROUND_SEQUENCE_RULE
    ends = {e["id"]: e for e in derivation["ends"]}
    assert (ends["talks-a"]["date"], ends["talks-c"]["date"]) == ("2031-01-10", "2031-03-10")
    assert [q["sentence"] for q in ends["talks-a"]["evidence"]] == ["Round A met."]
    assert [q["sentence"] for q in ends["talks-c"]["evidence"]] == ["C will meet."]
    assert link["standing"] == "expected"  # the weaker end: round C is only announced
    profile = ok(client, "/events/talks-c")
    [preceded] = [r for r in profile["relations"]["items"] if r["predicate"] == "PRECEDED"]
    assert preceded["basis"] == "derived" and preceded["derivation"]["rule"] == ROUND_SEQUENCE_RULE
    hood = ok(client, "/graph/neighbourhood", id="talks-a")
    [edge] = [e for e in hood["edges"] if e["predicate"] == "PRECEDED"]
    assert edge["basis"] == "derived" and edge["derivation"]["rule"] == ROUND_SEQUENCE_RULE
    # the export leaves the derived edge out: no article states it
    assert not [r for r in read_document(store)["relations"] if r["predicate"] == "PRECEDED"]


def test_a_stated_link_keeps_basis_stated(client: TestClient, store: GraphStore) -> None:
    first = _round("s1", "talks-x", "2031-01-10", ClaimStatus.STATED, "Round X met, then Y.")
    store.write_article(first)
    later = _round("s2", "talks-y", "2031-01-20", ClaimStatus.STATED, "Round Y met after X.")
    text = later.article.text
    store.write_article(
        later.model_copy(
            update={
                "relations": (
                    Relation(
                        subject_id="talks-x",
                        subject_label=NodeLabel.EVENT,
                        predicate=Predicate.PRECEDED,
                        object_id="talks-y",
                        object_label=NodeLabel.EVENT,
                        evidence=Evidence(article_id="s2", sentence=text, start=0, end=len(text)),
                    ),
                ),
                "events": (*later.events, first.events[0]),
            }
        )
    )
    store.derive_sequences()
    [link] = ok(client, "/events/talks-x/chain", direction="forward")["links"]
    assert link["basis"] == "stated" and link["derivation"] is None
    assert [q["sentence"] for q in link["evidence"]] == [text]
    assert link["evidence"][0]["claimant"] == {
        "kind": "outlet",
        "name": "Wire",
        "entity_id": None,
        "via": None,
    }


def test_export_keeps_claims_with_status_and_claimant(store: GraphStore) -> None:
    write_text(store, "claim-reuters", TOOK_PART, published="2024-08-13", source="Reuters")
    write_text(store, "claim-aljazeera", STAYED_AWAY, published="2024-08-13", source="Al Jazeera")
    doc = read_document(store)
    [edge] = [
        r
        for r in doc["relations"]
        if (r["subject"], r["predicate"], r["object"]) == (DELEGATION, "ATTENDED", CAIRO)
    ]
    assert edge["status"] == "stated" and edge["standing"] == "contested"
    assert edge["article_statuses"] == {"claim-aljazeera": "denied"}
    claims = {
        (c["article"], c["status"], c["claimant"]["name"], c["claimant"]["via"])
        for c in edge["claims"]
    }
    assert claims == {
        ("claim-reuters", "stated", "unnamed Egyptian official", "Reuters"),
        ("claim-aljazeera", "denied", "Basem Naim", "Al Jazeera"),
    }
    # each evidence row of the backup keeps its status and claimant
    rows = [e for e in doc["evidence"] if e["fact"] == f"{DELEGATION}|ATTENDED|{CAIRO}"]
    assert {(e["status"], (e["claimant"] or {}).get("name")) for e in rows} == {
        ("stated", "unnamed Egyptian official"),
        ("denied", "Basem Naim"),
    }
    # a backup of the export brings the claims back as they were
    store.delete_all()
    import_document(store, json.loads(json.dumps(doc)))
    assert read_document(store) == doc


def test_openapi_names_the_claim_fields_and_enums(client: TestClient) -> None:
    spec = ok(client, "/openapi.json")
    schemas = spec["components"]["schemas"]
    assert schemas["Standing"]["enum"] == [
        "confirmed",
        "expected",
        "contested",
        "unconfirmed",
        "denied",
    ]
    assert schemas["Basis"]["enum"] == ["stated", "derived"]
    assert schemas["ClaimantKind"]["enum"] == ["named", "unnamed", "outlet"]
    assert {"standing", "sources", "claimants", "basis", "derivation"} <= set(
        schemas["Relation"]["properties"]
    )
    assert {"status", "claimant"} <= set(schemas["Quote"]["properties"])
    assert "standings" in schemas["RollCall"]["properties"]
    params = {p["name"] for p in spec["paths"]["/claims"]["get"]["parameters"]}
    assert params == {"subject", "object", "predicate"}
    for path in ("/timeline", "/rounds", "/entities/{entity_id}"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert "standing" in names, path
