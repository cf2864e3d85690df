"""The timeline of events, the rounds of talks and the roll call of one round."""

from __future__ import annotations

from collections.abc import Callable

from graph.cypher.queries import ReadQuery as Q
from graph.errors import NotFound
from graph.models import Basis, EventKind, Standing
from graph.reads.claims import claimants_of, standing_of
from graph.reads.dated import EventFilter, timeline_page
from graph.reads.paging import position_cursor
from graph.reads.shapes import (
    Row,
    article_ref,
    claim_status,
    distinct_quotes,
    event_details,
    read_articles_by_id,
    read_evidence,
    with_details,
)
from graph.standing import STRENGTH, weakest
from graph.store import GraphStore
from graph.views import Page, RollCall, Round, TimelineEvent

Cursor = tuple[str | None, str]
# The rule that puts the members of a delegation on the roll call of a round it attended.
MEMBER_RULE = "member of an attending delegation"
# Events read at a time while filling a page of one standing.
STANDING_BATCH = 200


def with_standing(store: GraphStore, events: list[Row]) -> list[Row]:
    """The events with their standing, independent sources and claimants added."""
    quotes = read_evidence(store, [e["id"] for e in events])
    return [
        {
            **e,
            **standing_of(quotes.get(e["id"], []), e["date"], e.get("status")),
            "claimants": claimants_of(quotes.get(e["id"], [])),
        }
        for e in events
    ]


def read_timeline(
    store: GraphStore,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    after: Cursor | None = None,
    standing: str | None = None,
) -> Page[TimelineEvent]:
    """One page of events in date order (undated last), continuing after the (date, id) `after`.

    With `standing`, only events of that standing: the timeline is read in batches until the
    page is full, since a standing is computed from each event's claims (and `total` is null).
    """
    if actor is not None and not store.read(Q.READ_ENTITY, id=actor):
        raise NotFound("entity", actor)

    def fetch(cursor: Cursor | None, n: int) -> list[Row]:
        if actor is None:
            return timeline_page(store, EventFilter(date_from, date_to, kind), cursor, n)
        after_date, after_id = cursor if cursor is not None else (None, None)
        return store.read(
            Q.READ_TIMELINE_ACTOR,
            date_from=date_from,
            date_to=date_to,
            kind=kind,
            actor=actor,
            after_date=after_date,
            after_id=after_id,
            limit=n,
        )

    rows, next_after = _filled(store, fetch, after, limit, standing)
    total = None
    if standing is None:
        bounds: Row = {"date_from": date_from, "date_to": date_to, "kind": kind}
        if actor is None:
            total = store.read(Q.COUNT_EVENTS, **bounds)[0]["total"]
        else:
            total = store.read(Q.COUNT_ACTOR_EVENTS, actor=actor, **bounds)[0]["total"]
    return Page[TimelineEvent].model_validate(
        {"items": with_details(store, rows), "next_cursor": _cursor(next_after), "total": total}
    )


def _cursor(position: Cursor | None) -> str | None:
    return position_cursor(position) if position is not None else None


def _filled(
    store: GraphStore,
    fetch: Callable[[Cursor | None, int], list[Row]],
    after: Cursor | None,
    limit: int,
    standing: str | None,
) -> tuple[list[Row], Cursor | None]:
    """Up to `limit` events from `fetch` after `after` (of one standing when given), with their
    standing, and the position to continue after when more follow."""
    if standing is None:
        rows = with_standing(store, fetch(after, limit + 1))
    else:
        rows, cursor = [], after
        while len(rows) <= limit:
            batch = fetch(cursor, STANDING_BATCH)
            rows += [e for e in with_standing(store, batch) if e["standing"] == standing]
            if len(batch) < STANDING_BATCH:
                break
            cursor = (batch[-1]["date"], batch[-1]["id"])
    page, more = rows[:limit], len(rows) > limit
    return page, (page[-1]["date"], page[-1]["id"]) if more and page else None


def read_rounds(
    store: GraphStore,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 200,
    after: Cursor | None = None,
    standing: str | None = None,
) -> Page[Round]:
    """Rounds of talks in date order with place, mediators, hosts and the size of the roll call
    (of one standing when given), one page continuing after the (date, id) `after`."""
    where = EventFilter(date_from, date_to, str(EventKind.TALKS))

    def fetch(cursor: Cursor | None, n: int) -> list[Row]:
        return timeline_page(store, where, cursor, n)

    found, next_after = _filled(store, fetch, after, limit, standing)
    rows = with_details(store, found)
    people_of = {r["id"]: r["participants"] for r in rows}
    present = {p["id"] for ps in people_of.values() for p in ps if p["role"] == "attendee"}
    members = {m["id"]: m["members"] for m in store.read(Q.READ_MEMBERS, ids=sorted(present))}
    out = []
    for r in rows:
        people = people_of[r["id"]]
        attendees = {p["id"] for p in people if p["role"] == "attendee"}
        attendees |= {m for a in list(attendees) for m in members.get(a, [])}
        out.append(
            {
                **r,
                "mediators": [_ref(p) for p in people if p["role"] == "mediator"],
                "hosts": [_ref(p) for p in people if p["role"] == "host"],
                "attendee_count": len(attendees),
            }
        )
    total = None
    if standing is None:
        counted = store.read(Q.COUNT_EVENTS, date_from=date_from, date_to=date_to, kind=where.kind)
        total = counted[0]["total"]
    return Page[Round].model_validate(
        {"items": out, "next_cursor": _cursor(next_after), "total": total}
    )


def _ref(p: Row) -> Row:
    return {"id": p["id"], "name": p["name"], "type": p["type"]}


def read_round(store: GraphStore, round_id: str) -> Row:
    """One round of talks; NotFound unless the id is an event of kind talks."""
    rows = store.read(Q.READ_EVENT, id=round_id)
    if not rows or rows[0]["kind"] != "talks":
        raise NotFound("round", round_id)
    return rows[0]


def read_round_attendees(store: GraphStore, round_id: str) -> RollCall:
    """The roll call of one round: attendees, their delegations and the quotes that place them,
    each with its standing; and the attendees' ids grouped by standing.

    A member of a delegation that attended is on the roll call by inference (basis derived):
    its standing is the weaker of the delegation's attendance and of its membership.
    """
    event = read_round(store, round_id)
    rows = store.read(Q.READ_ROUND_ATTENDEES, id=round_id)
    people: dict[str, Row] = {}
    for r in rows:
        person = people.setdefault(
            r["id"],
            {
                "id": r["id"],
                "name": r["name"],
                "type": r["type"],
                "roles": r["roles"] or [],
                "links": [],
                "keys": [],
                "direct": [],
                "memberships": [],
                "article_ids": [],
            },
        )
        link = {"predicate": r["edge"], "role": r["role"], "delegation_id": r["via_id"]}
        if r["via_id"] is not None:
            person.setdefault(
                "via_delegation", {"id": r["via_id"], "name": r["via_name"], "type": "Delegation"}
            )
            person["memberships"].append((r["via_id"], r["key"]))
        else:
            person["direct"].append(r["key"])
        if link not in person["links"]:
            person["links"].append(link)
        person["keys"].append(r["key"])
        for article_id in r["articles"] or []:
            if article_id not in person["article_ids"]:
                person["article_ids"].append(article_id)
    delegations = _delegations(
        store,
        list(people),
        attended={p["id"] for p in people.values() if p["type"] == "Delegation"},
    )
    evidence = read_evidence(store, [k for p in people.values() for k in p["keys"]])
    articles = {
        a["id"]: article_ref(a)
        for a in read_articles_by_id(
            store, sorted({a for p in people.values() for a in p["article_ids"]})
        )
    }
    date = event["date"]
    direct = {
        pid: standing_of([q for k in p["direct"] for q in evidence.get(k, [])], date)
        for pid, p in people.items()
        if p["direct"]
    }
    attendees = []
    for p in people.values():
        quotes = distinct_quotes(q for k in p["keys"] for q in evidence.get(k, []))
        if p["id"] in direct:
            claims: Row = {"basis": Basis.STATED.value, "rule": None, **direct[p["id"]]}
        else:
            ends = [
                weakest(
                    [
                        Standing(direct.get(d, {}).get("standing", Standing.CONFIRMED)),
                        Standing(standing_of(evidence.get(k, []), None)["standing"]),
                    ]
                )
                for d, k in p["memberships"]
            ]
            claims = {
                "basis": Basis.DERIVED.value,
                "rule": MEMBER_RULE,
                "standing": weakest(ends).value,
                "sources": standing_of(quotes, None)["sources"],
            }
        attendees.append(
            {
                "id": p["id"],
                "name": p["name"],
                "type": p["type"],
                "roles": p["roles"],
                "links": p["links"],
                "delegation": p.get("via_delegation") or delegations.get(p["id"]),
                **claims,
                "claimants": claimants_of(quotes),
                "articles": [articles[a] for a in p["article_ids"] if a in articles],
                "evidence": quotes,
            }
        )
    attendees.sort(key=lambda a: (a["type"] != "Delegation", a["name"] or "", a["id"]))
    groups: dict[str, list[str]] = {s.value: [] for s in STRENGTH}
    for a in attendees:
        groups[a["standing"]].append(a["id"])
    quotes = read_evidence(store, [round_id]).get(round_id, [])
    return RollCall.model_validate(
        {
            "round": {
                **{k: event[k] for k in ("id", "label", "date", "date_precision")},
                "status": claim_status(event["status"]),
                **standing_of(quotes, date, event["status"]),
            },
            "place": event_details(store, [round_id]).get(round_id, {}).get("place"),
            "standings": groups,
            "attendees": attendees,
        }
    )


def _delegations(store: GraphStore, ids: list[str], attended: set[str]) -> dict[str, Row]:
    """For each entity, a delegation it belongs to, preferring one that attended."""
    out: dict[str, Row] = {}
    for r in store.read(Q.READ_DELEGATIONS, ids=ids) if ids else []:
        ref = {"id": r["delegation_id"], "name": r["delegation_name"], "type": "Delegation"}
        if r["id"] not in out or r["delegation_id"] in attended:
            out[r["id"]] = ref
    return out
