"""The profile of one event and the chains of events that led to it or followed from it."""

from __future__ import annotations

from enum import StrEnum

from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import NodeLabel, fact_key
from graph.reads.claims import claimants_of, derivations, edge_claims, latest, standing_of
from graph.reads.entities import read_relations
from graph.reads.shapes import (
    Row,
    claim_status,
    distinct_quotes,
    event_details,
    participants_of,
    read_evidence,
)
from graph.store import GraphStore
from graph.views import EventChain, EventProfile

MAX_CHAIN_DEPTH = 10
MAX_CHAIN_LINKS = 2000


class ChainDirection(StrEnum):
    """Which way to follow CAUSED and PRECEDED edges from an event."""

    BACK = "back"
    FORWARD = "forward"
    BOTH = "both"


def _event(store: GraphStore, event_id: str) -> Row:
    rows = store.read(Q.READ_EVENT, id=event_id)
    if not rows:
        raise NotFound("event", event_id)
    return rows[0]


def read_event_profile(store: GraphStore, event_id: str) -> EventProfile:
    """An event with its place, participants, relations, evidence quotes and articles."""
    event = _event(store, event_id)
    details = event_details(store, [event_id])[event_id]
    participations = store.read(Q.READ_EVENT_PARTICIPATIONS, id=event_id)
    keys = [p["key"] for p in participations if p["key"]]
    evidence = read_evidence(store, [event_id, *keys])
    quotes = [{"fact": "event", **q} for q in evidence.get(event_id, [])]
    for p in participations:
        role = participants_of([p])[0]["role"]
        quotes.extend({"fact": f"{p['id']} {role}", **q} for q in evidence.get(p["key"], []))
    own = evidence.get(event_id, [])
    return EventProfile.model_validate(
        {
            **{k: event[k] for k in ("id", "kind", "label", "date", "date_precision")},
            "confidence": event["confidence"],
            "status": claim_status(event["status"]),
            **standing_of(own, event["date"], event["status"]),
            "claimants": claimants_of(own),
            "place": details["place"],
            "participants": details["participants"],
            "relations": read_relations(store, NodeLabel.EVENT, event_id, event["date"]),
            "evidence": distinct_quotes(quotes),
            "articles": details["articles"],
        }
    )


def read_event_chain(
    store: GraphStore,
    event_id: str,
    direction: ChainDirection = ChainDirection.BOTH,
    depth: int = 3,
) -> EventChain:
    """Events linked to one event by CAUSED and PRECEDED paths, in date order, with the links."""
    if not 1 <= depth <= MAX_CHAIN_DEPTH:
        raise ValueError(f"depth must be between 1 and {MAX_CHAIN_DEPTH}")
    _event(store, event_id)
    distance, links, truncated = _follow_links(store, event_id, direction, depth)
    evidence = read_evidence(store, [*links, *distance])
    events = store.read(Q.READ_EVENTS, ids=list(distance))
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))
    dates = {e["id"]: e["date"] for e in events}
    derived = derivations(store, [{**link, "key": key} for key, link in links.items()])
    return EventChain.model_validate(
        {
            "id": event_id,
            "direction": str(direction),
            "depth": depth,
            "truncated": truncated,
            "events": [
                {
                    **e,
                    "status": claim_status(e["status"]),
                    **standing_of(evidence.get(e["id"], []), e["date"], e["status"]),
                    "claimants": claimants_of(evidence.get(e["id"], [])),
                    "distance": distance[e["id"]],
                }
                for e in events
            ],
            "links": [
                {
                    **link,
                    **edge_claims(
                        link,
                        evidence.get(key, []),
                        latest(dates.get(link["source"]), dates.get(link["target"])),
                        derived.get(key),
                    ),
                    "evidence": evidence.get(key, []),
                }
                for key, link in sorted(links.items())
            ],
        }
    )


def _follow_links(
    store: GraphStore, event_id: str, direction: ChainDirection, depth: int
) -> tuple[dict[str, int], dict[str, Row], bool]:
    """Breadth first, one query a hop for both sides: signed hops to each event, the links, and
    whether the walk stopped at MAX_CHAIN_LINKS before `depth`.

    Every edge into (back) or out of (forward) an event fewer than `depth` hops away lies on a
    path of at most `depth` links, so expanding each frontier once gives the same events and
    links as enumerating the paths, without their combinatorial count.
    """
    distance: dict[str, int] = {event_id: 0}
    links: dict[str, Row] = {}
    frontier = {
        "back": [event_id] if direction != ChainDirection.FORWARD else [],
        "forward": [event_id] if direction != ChainDirection.BACK else [],
    }
    seen = {side: set(ids) for side, ids in frontier.items()}
    truncated = False
    for hops in range(1, depth + 1):
        if not frontier["back"] and not frontier["forward"]:
            break
        rows = store.read(Q.READ_EVENT_LINKS, back=frontier["back"], forward=frontier["forward"])
        following: dict[str, list[str]] = {"back": [], "forward": []}
        for r in rows:
            side, other = r["side"], r["other_id"]
            links.setdefault(
                r["key"] or fact_key(r["source"], r["type"], r["target"]),
                {
                    "source": r["source"],
                    "target": r["target"],
                    "predicate": r["type"],
                    "article_ids": r["articles"] or [],
                    "confidence": r["confidence"],
                    "status": claim_status(r["status"]),
                    "derived": r["derived"],
                    "rule": r["rule"],
                },
            )
            if other not in distance or hops < abs(distance[other]):
                distance[other] = hops if side == "forward" else -hops
            if other in seen[side]:
                continue
            if len(links) <= MAX_CHAIN_LINKS:
                seen[side].add(other)
                following[side].append(other)
            elif hops < depth:
                truncated = True  # an event within depth whose links are not followed
        frontier = following
    return distance, links, truncated
