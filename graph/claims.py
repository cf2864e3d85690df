"""The claims of one article: each evidence sentence with the fact it backs and its status.

Every evidence record of an event, a participation or a relation is a claim: the article says
the fact is so (stated), will be (planned), may be (doubted, hypothetical) or is not (denied),
on the word of its claimant. A sentence's status is its own when extraction read one for it
(an article may state a fact in one sentence and doubt it in the one it is quoted from), else
the fact's in the article; a participation takes the status of the article's matching ATTENDED
or MEDIATED edge when it states one ('whether Hamas will attend is unclear' doubts Hamas's
place on the roll call, not the round), else the event's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.models import (
    ArticleFacts,
    ClaimStatus,
    Evidence,
    Predicate,
    Role,
    fact_key,
    fact_status,
)
from graph.models import participation_key as participation_key  # extraction keys claims by it

ROLE_EDGES = {Role.ATTENDEE: Predicate.ATTENDED, Role.MEDIATOR: Predicate.MEDIATED}


def article_statuses(facts: ArticleFacts) -> dict[str, ClaimStatus]:
    """The article's own status of each event (by id) and relation (by key) it states."""
    given: dict[str, list[ClaimStatus]] = {}
    for v in facts.events:
        given.setdefault(v.id, []).append(v.status)
    for r in facts.relations:
        given.setdefault(r.key, []).append(r.status)
    return {key: fact_status(statuses) for key, statuses in given.items()}


def article_evidence(facts: ArticleFacts) -> Iterator[tuple[str, Evidence, ClaimStatus | None]]:
    """(fact key, evidence, status) of every evidence record of one article, in write order.

    An entity's evidence names it and claims nothing: its status is None.
    """
    status = article_statuses(facts)
    for e in facts.entities:
        for ev in e.evidence:
            yield e.id, ev, None
    for v in facts.events:
        for ev in v.evidence:
            yield v.id, ev, ev.status or status[v.id]
        for p in v.participants:
            if p.evidence is None:
                continue
            edge = ROLE_EDGES.get(p.role)
            own = status.get(fact_key(p.entity_id, edge, v.id)) if edge is not None else None
            key = v.participation_key(p)
            yield key, p.evidence, p.evidence.status or own or status[v.id]
    for r in facts.relations:
        yield r.key, r.evidence, r.evidence.status or status[r.key]


def claimant_fields(ev: Evidence) -> dict[str, Any]:
    """The claimant of one evidence record as flat properties of its Evidence node."""
    c = ev.claimant
    return {
        "claimant_kind": str(c.kind) if c is not None else None,
        "claimant_name": c.name if c is not None else None,
        "claimant_id": c.entity_id if c is not None else None,
        "claimant_via": c.via if c is not None else None,
    }


def claimant_of(row: dict[str, Any]) -> dict[str, Any] | None:
    """The claimant of an Evidence node's properties (None: the article's own voice)."""
    if not row.get("claimant_kind"):
        return None
    return {
        "kind": row["claimant_kind"],
        "name": row.get("claimant_name"),
        "entity_id": row.get("claimant_id"),
        "via": row.get("claimant_via"),
    }
