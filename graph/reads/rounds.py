"""The timeline of events, the rounds of talks and the roll call of one round."""

from __future__ import annotations

from graph.errors import NotFound
from graph.models import EventKind
from graph.reads.dated import EventFilter, timeline_page
from graph.reads.run import run_read
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
from graph.store import GraphStore


def read_timeline(
    store: GraphStore,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    kind: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    after: tuple[str | None, str] | None = None,
) -> tuple[list[Row], tuple[str | None, str] | None]:
    """One page of events in date order (undated last) and the (date, id) to continue after."""
    if actor is not None and not run_read(store, "read_entity", id=actor):
        raise NotFound("entity", actor)
    if actor is None:
        rows = timeline_page(store, EventFilter(date_from, date_to, kind), after, limit + 1)
    else:
        after_date, after_id = after if after is not None else (None, None)
        rows = run_read(
            store,
            "read_timeline_actor",
            date_from=date_from,
            date_to=date_to,
            kind=kind,
            actor=actor,
            after_date=after_date,
            after_id=after_id,
            limit=limit + 1,
        )
    page, more = rows[:limit], len(rows) > limit
    next_after = (page[-1]["date"], page[-1]["id"]) if more and page else None
    return with_details(store, page), next_after


def read_rounds(
    store: GraphStore, *, date_from: str | None = None, date_to: str | None = None, limit: int = 200
) -> list[Row]:
    """Rounds of talks in date order with place, mediators, hosts and the size of the roll call."""
    rows = with_details(
        store,
        timeline_page(store, EventFilter(date_from, date_to, str(EventKind.TALKS)), None, limit),
    )
    people_of = {r["id"]: r["participants"] for r in rows}
    present = {p["id"] for ps in people_of.values() for p in ps if p["role"] == "attendee"}
    members = {m["id"]: m["members"] for m in run_read(store, "read_members", ids=sorted(present))}
    out = []
    for r in rows:
        people = people_of[r["id"]]
        attendees = {p["id"] for p in people if p["role"] == "attendee"}
        attendees |= {m for a in list(attendees) for m in members.get(a, [])}
        out.append(
            {
                "id": r["id"],
                "label": r["label"],
                "date": r["date"],
                "date_precision": r["date_precision"],
                "status": r["status"],
                "place": r["place"],
                "mediators": [_ref(p) for p in people if p["role"] == "mediator"],
                "hosts": [_ref(p) for p in people if p["role"] == "host"],
                "attendee_count": len(attendees),
            }
        )
    return out


def _ref(p: Row) -> Row:
    return {"id": p["id"], "name": p["name"], "type": p["type"]}


def read_round(store: GraphStore, round_id: str) -> Row:
    """One round of talks; NotFound unless the id is an event of kind talks."""
    rows = run_read(store, "read_event", id=round_id)
    if not rows or rows[0]["kind"] != "talks":
        raise NotFound("round", round_id)
    return rows[0]


def read_round_attendees(store: GraphStore, round_id: str) -> Row:
    """The roll call of one round: attendees, their delegations and the quotes that place them."""
    event = read_round(store, round_id)
    rows = run_read(store, "read_round_attendees", id=round_id)
    people: dict[str, Row] = {}
    for r in rows:
        person = people.setdefault(
            r["id"],
            {
                "id": r["id"],
                "name": r["name"],
                "type": r["type"],
                "roles": r["roles"] or [],
                "via": [],
                "keys": [],
                "article_ids": [],
            },
        )
        how = r["edge"] if r["via_id"] is None else f"{r['edge']} {r['via_id']}"
        if r["via_id"] is not None:
            person.setdefault(
                "via_delegation", {"id": r["via_id"], "name": r["via_name"], "type": "Delegation"}
            )
        if how not in person["via"]:
            person["via"].append(how)
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
    attendees = []
    for p in people.values():
        attendees.append(
            {
                "id": p["id"],
                "name": p["name"],
                "type": p["type"],
                "roles": p["roles"],
                "via": p["via"],
                "delegation": p.get("via_delegation") or delegations.get(p["id"]),
                "articles": [articles[a] for a in p["article_ids"] if a in articles],
                "evidence": distinct_quotes(q for k in p["keys"] for q in evidence.get(k, [])),
            }
        )
    attendees.sort(key=lambda a: (a["type"] != "Delegation", a["name"] or "", a["id"]))
    return {
        "round": {
            **{k: event[k] for k in ("id", "label", "date", "date_precision")},
            "status": claim_status(event["status"]),
        },
        "place": event_details(store, [round_id]).get(round_id, {}).get("place"),
        "attendees": attendees,
    }


def _delegations(store: GraphStore, ids: list[str], attended: set[str]) -> dict[str, Row]:
    """For each entity, a delegation it belongs to, preferring one that attended."""
    out: dict[str, Row] = {}
    for r in run_read(store, "read_delegations", ids=ids) if ids else []:
        ref = {"id": r["delegation_id"], "name": r["delegation_name"], "type": "Delegation"}
        if r["id"] not in out or r["delegation_id"] in attended:
            out[r["id"]] = ref
    return out
