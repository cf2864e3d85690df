"""`kg search`, `kg rollcall` and `kg timeline`: the graph's read queries as tables (or JSON).

Each reads through graph.reads, the functions behind the API, so a table holds what the
matching API route answers; `--json` prints that answer as it is.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from pydantic import BaseModel, TypeAdapter, ValidationError
from rich.table import Table

from graph.errors import NotFound
from graph.models import DatePrecision, EntityType, EventKind, IsoDate
from graph.names import normalize
from graph.settings import get_settings
from kg.console import err, fail, graph_errors, out
from kg.db_commands import open_store

app = typer.Typer()

MAX_QUERY = 200  # characters of a search text, as GET /entities takes
MAX_TIMELINE = 500  # events of one timeline, as GET /timeline takes
DAY = TypeAdapter(IsoDate)
JsonOption = Annotated[bool, typer.Option("--json", help="print the answer as JSON")]


def print_json(data: object) -> None:
    """The answer as JSON on stdout, nothing else, so it can be piped (a read model as the API
    serves it)."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def check_day(option: str, value: str | None) -> str | None:
    """The value of a date option when it is a day (YYYY-MM-DD); exit 2 naming it otherwise."""
    if value is None:
        return None
    try:
        return DAY.validate_python(value)
    except ValidationError:
        fail(f"{option} {value!r} is not a day of the calendar: use YYYY-MM-DD", code=2)


def add_columns(table: Table, columns: tuple[str, ...]) -> None:
    """Columns of a table: ids folded, never cut (they are typed back), counts to the right."""
    for column in columns:
        if column == "id":
            table.add_column(column, overflow="fold", min_width=12)
        elif column in ("articles", "attendees"):
            table.add_column(column, justify="right")
        else:
            table.add_column(column)


def names(refs: list[dict[str, Any]] | None) -> str:
    """The names of entity references, comma-separated."""
    return ", ".join(str(r.get("name") or r.get("id")) for r in refs or [])


def place_name(place: dict[str, Any] | None) -> str:
    """The name of a place reference ('' when there is none)."""
    return str(place.get("name") or place.get("id")) if place else ""


def day_of(row: dict[str, Any]) -> str:
    """An event's date with its precision when it is not a day ('undated' when unknown)."""
    if not row.get("date"):
        return "undated"
    precision = row.get("date_precision")
    return row["date"] if precision in (None, DatePrecision.DAY) else f"{row['date']} ({precision})"


# -- kg search


@app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="a name or alias, or part of one")],
    type_: Annotated[
        EntityType | None, typer.Option("--type", help="only entities of this type")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=200, help="how many matches at most")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Find people, delegations, organizations, countries and places by name or alias."""
    from graph import reads

    if len(query) > MAX_QUERY:
        fail(f"the search text is {len(query)} characters long; at most {MAX_QUERY}", code=2)
    if not normalize(query):
        fail(f"search text {query!r} holds no letter or digit to search for", code=2)
    with graph_errors(), open_store(get_settings()) as store:
        found = reads.search_entities(
            store, query, type_=str(type_) if type_ else None, limit=limit
        )
    if as_json:
        print_json(found)
        return
    rows = [r.model_dump(mode="json") for r in found.items]
    if not rows:
        err.print(f"no entity matches {query!r}", highlight=False)
        return
    table = Table(title=f"entities matching {query!r}")
    add_columns(table, ("id", "name", "type", "roles", "aliases", "articles"))
    for r in rows:
        table.add_row(
            r["id"],
            r["name"] or "",
            r["type"] or "",
            ", ".join(r["roles"] or []),
            ", ".join(r["aliases"] or []),
            str(r["article_count"] or 0),
        )
    out.print(table)


# -- kg rollcall


@app.command("rollcall")
def rollcall(
    round_id: Annotated[
        str | None,
        typer.Argument(metavar="[ROUND]", help="a round's id; without it, the rounds are listed"),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Who attended one round of talks, in which delegation, and who says so."""
    from graph import reads

    with graph_errors(), open_store(get_settings()) as store:
        if round_id is None:
            rounds = reads.read_rounds(store).model_dump(mode="json")
        else:
            try:
                roll = reads.read_round_attendees(store, round_id).model_dump(mode="json")
            except NotFound:
                fail(f"no round of talks has the id {round_id!r}; `kg rollcall` lists the rounds")
    if round_id is None:
        print_rounds(rounds, as_json)
    else:
        print_roll_call(roll, as_json)


def print_rounds(page: dict[str, Any], as_json: bool) -> None:
    """The rounds of talks, in date order (the first page, as GET /rounds gives it)."""
    if as_json:
        print_json(page)
        return
    rounds = page["items"]
    if not rounds:
        err.print("no rounds of talks in the graph; load articles with `kg load`")
        return
    table = Table(title="rounds of talks (`kg rollcall ROUND` gives one's roll call)")
    add_columns(table, ("id", "date", "place", "mediators", "hosts", "attendees", "label"))
    for r in rounds:
        table.add_row(
            r["id"],
            day_of(r),
            place_name(r["place"]),
            names(r["mediators"]),
            names(r["hosts"]),
            str(r["attendee_count"]),
            r["label"] or "",
        )
    out.print(table)


def link_phrase(link: dict[str, Any]) -> str:
    """One edge that puts an attendee on a roll call, as the table shows it."""
    extra = link["role"] or link["delegation_id"]
    return f"{link['predicate']} {extra}" if extra else str(link["predicate"])


def print_roll_call(roll: dict[str, Any], as_json: bool) -> None:
    """One round's attendees with their delegations and the first quote placing each there."""
    if as_json:
        print_json(roll)
        return
    talks = roll["round"]
    where = place_name(roll["place"])
    title = f"{talks['label'] or talks['id']}: {day_of(talks)}" + (f", {where}" if where else "")
    table = Table(title=title)
    add_columns(table, ("attendee", "type", "delegation", "roles", "how", "articles", "quote"))
    for a in roll["attendees"]:
        quotes = a["evidence"]
        table.add_row(
            a["name"] or a["id"],
            a["type"] or "",
            place_name(a["delegation"]),
            ", ".join(a["roles"]),
            ", ".join(link_phrase(link) for link in a["links"]),
            str(len(a["articles"])),
            quotes[0]["sentence"] if quotes else "",
        )
    out.print(table)
    if not roll["attendees"]:
        err.print(f"no attendee of {talks['id']!r} is stated by any article")


# -- kg timeline


@app.command("timeline")
def timeline(
    date_from: Annotated[
        str | None, typer.Option("--from", help="first day, YYYY-MM-DD (undated events drop out)")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="last day, YYYY-MM-DD")] = None,
    kind: Annotated[EventKind | None, typer.Option(help="only events of this kind")] = None,
    actor: Annotated[
        str | None, typer.Option(help="only events linked to this entity id (see `kg search`)")
    ] = None,
    limit: Annotated[
        int, typer.Option(min=1, max=MAX_TIMELINE, help="how many events at most")
    ] = 50,
    as_json: JsonOption = False,
) -> None:
    """Events in date order (undated ones last) with their place, participants and sources."""
    from graph import reads

    first, last = check_day("--from", date_from), check_day("--to", date_to)
    if first and last and first > last:
        fail(f"--from {first} is after --to {last}: no day lies between them", code=2)
    with graph_errors(), open_store(get_settings()) as store:
        try:
            page = reads.read_timeline(
                store,
                date_from=first,
                date_to=last,
                kind=str(kind) if kind else None,
                actor=actor,
                limit=limit,
            )
        except NotFound:
            fail(f"no entity has the id {actor!r}; `kg search NAME` finds an entity's id")
    if as_json:
        print_json(page)
        return
    events = [e.model_dump(mode="json") for e in page.items]
    if not events:
        err.print("no events in the graph match")
        return
    span = f"from {first or 'the start'} to {last or 'the end'}"
    table = Table(title=f"timeline {span}")
    add_columns(table, ("date", "kind", "event", "place", "participants", "articles"))
    for e in events:
        table.add_row(
            day_of(e),
            e["kind"] or "",
            e["label"] or e["id"],
            place_name(e["place"]),
            names(e["participants"]),
            str(len(e["articles"])),
        )
    out.print(table)
    if page.next_cursor is not None:
        err.print(f"more events follow: raise --limit (now {limit}) or narrow --from/--to")
