"""The invented world of a synthetic corpus: actors, places and one timeline of events."""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from graph.models import EntityType, EventKind

LEADS = "leads"
MEMBER = "member"
PARTIES = ("norland", "vesmar", "azure-front")
MILITARY = {"norland": "norland-defence-forces", "vesmar": "vesmari-army"}
FRONT_SIDE = {"norland": "azure-front", "vesmar": "norland", "azure-front": "norland"}


@cache
def load_vocab() -> dict[str, Any]:
    """The pools of invented names and phrases shipped in bench/vocab.json."""
    data: dict[str, Any] = json.loads(
        resources.files("bench").joinpath("vocab.json").read_text(encoding="utf-8")
    )
    return data


@cache
def load_templates() -> dict[str, list[str]]:
    """Sentence and headline templates per fact type (bench/templates.json)."""
    data: dict[str, list[str]] = json.loads(
        resources.files("bench").joinpath("templates.json").read_text(encoding="utf-8")
    )
    return data


@dataclass(frozen=True)
class Actor:
    """A fictional person, country, organization or place."""

    id: str
    type: EntityType
    name: str
    text: str  # how the text names it ("the Azure Front")
    aliases: tuple[str, ...] = ()
    adjective: str | None = None
    country: str | None = None
    org: str | None = None
    title: str | None = None
    link: str | None = None  # LEADS or MEMBER of its org (or its country for leaders)
    side: str = ""
    venue: bool = False
    front: bool = False

    @property
    def surname(self) -> str:
        """The last word of a person's name."""
        return self.name.split()[-1]


@dataclass(frozen=True)
class WorldEvent:
    """One event of the timeline, with everything an article may say about it."""

    id: str
    kind: EventKind
    date: dt.date
    label: str
    place: str | None = None
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    delegations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cause: str | None = None
    previous: str | None = None
    talks: str | None = None
    detail: str = ""
    number: int = 0
    rejected_by: tuple[str, ...] = ()


@dataclass
class World:
    """All actors by id and the events in date order, with reverse cause links."""

    actors: dict[str, Actor]
    events: list[WorldEvent]
    by_id: dict[str, WorldEvent] = field(default_factory=dict)
    effects: dict[str, list[str]] = field(default_factory=dict)
    spokespeople: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.events}
        self.spokespeople = [
            a.id
            for a in self.actors.values()
            if a.type is EntityType.PERSON and a.country is not None
        ]
        for event in self.events:
            if event.cause is not None:
                self.effects.setdefault(event.cause, []).append(event.id)


class _Builder:
    """Builds actors and then the timeline from one random generator."""

    def __init__(self, rng: random.Random, n_articles: int) -> None:
        self.rng = rng
        self.vocab = load_vocab()
        self.actors: dict[str, Actor] = {}
        self.events: list[WorldEvent] = []
        self.names = [
            (first, last)
            for first in self.vocab["first_names"]
            for last in self.vocab["last_names"]
        ]
        rng.shuffle(self.names)
        self.members_per_org = min(30, 2 + n_articles // 4000)
        self.seq = 0
        self.pools: dict[str, list[str]] = {}

    def new_name(self) -> str:
        first, last = self.names.pop() if self.names else ("Alex", f"Nemo{self.seq}")
        return f"{first} {last}"

    def add(self, actor: Actor) -> Actor:
        self.actors[actor.id] = actor
        return actor

    def add_person(
        self, title: str, link: str | None, country: str | None = None, org: str | None = None
    ) -> Actor:
        name = self.new_name()
        pid = name.lower().replace(" ", "-")
        side = self.actors[org or country or ""].side
        return self.add(
            Actor(
                id=pid,
                type=EntityType.PERSON,
                name=name,
                text=name,
                title=title,
                link=link,
                country=country,
                org=org,
                side=side,
            )
        )

    def build_actors(self) -> None:
        v = self.vocab
        for c in v["countries"]:
            self.add(
                Actor(
                    id=c["id"],
                    type=EntityType.COUNTRY,
                    name=c["name"],
                    text=c["name"],
                    aliases=tuple(c["aliases"]),
                    adjective=c["adjective"],
                    side=c["side"],
                )
            )
        for p in v["places"]:
            name = p["name"].removeprefix("the ")
            self.add(
                Actor(
                    id=p["id"],
                    type=EntityType.PLACE,
                    name=name,
                    text=p["name"],
                    country=p["country"],
                    venue=p["venue"],
                    front=p.get("front", False),
                )
            )
        for o in v["organizations"]:
            self.add(
                Actor(
                    id=o["id"],
                    type=EntityType.ORGANIZATION,
                    name=o["name"].removeprefix("the "),
                    text=o["name"],
                    aliases=tuple(o["aliases"]),
                    country=o["country"],
                    side=o["side"],
                    title=o["head_title"],
                    adjective=o["member_title"],
                )
            )
        for c in v["countries"]:
            self.add_person(c["leader_title"], LEADS, country=c["id"])
            self.add_person("Foreign Minister", None, country=c["id"])
            if c["side"] == "mediator":
                self.add_person("envoy", None, country=c["id"])
        for o in v["organizations"]:
            self.add_person(o["head_title"], LEADS, org=o["id"])
            for _ in range(self.members_per_org):
                self.add_person(o["member_title"], MEMBER, org=o["id"])

    def index_pools(self) -> None:
        """Actor id lists the timeline draws from (victims added later never join them)."""
        acts = list(self.actors.values())
        self.pools = {
            "venue": [a.id for a in acts if a.venue],
            "front": [a.id for a in acts if a.front],
            "front-norland": [a.id for a in acts if a.front and a.country == "norland"],
            "front-vesmar": [a.id for a in acts if a.front and a.country == "vesmar"],
            "mediator": [a.id for a in acts if a.side == "mediator"],
            "mediator-country": [
                a.id for a in acts if a.side == "mediator" and a.type == EntityType.COUNTRY
            ],
            "proposer": [
                a.id
                for a in acts
                if a.side == "mediator"
                and (a.type != EntityType.PERSON or a.title in ("Foreign Minister", "envoy"))
            ],
        }
        for party in PARTIES:
            self.pools[party] = [
                a.id
                for a in acts
                if a.type == EntityType.PERSON
                and (
                    a.country == party
                    or a.org == party
                    or (a.org is not None and self.actors[a.org].country == party)
                )
            ]

    def pick(self, pool: str, k: int = 1, but: str | None = None) -> list[str]:
        ids = [i for i in self.pools[pool] if i != but]
        return self.rng.sample(ids, min(k, len(ids)))

    def event(self, kind: EventKind, day: dt.date, label: str, **kw: Any) -> WorldEvent:
        self.seq += 1
        ev = WorldEvent(
            id=f"{kind.value.replace('_', '-')}-{self.seq:06d}",
            kind=kind,
            date=day,
            label=label,
            **kw,
        )
        self.events.append(ev)
        return ev

    def name_of(self, actor_id: str) -> str:
        return self.actors[actor_id].name

    def talks(self, day: dt.date, cause: str | None, previous: str | None) -> WorldEvent:
        rng = self.rng
        place = self.actors[self.pick("venue")[0]]
        host = place.country or "kastel"
        mediators = [host, *self.pick("mediator-country", rng.choice((0, 1, 1)), but=host)]
        if rng.random() < 0.25:
            mediators.append("council-of-nations")
        parties = rng.choice(
            (("norland", "azure-front"), ("norland", "azure-front"), ("norland", "vesmar"))
        )
        delegations = {}
        for party in parties:
            delegations[party] = tuple(self.pick(party, rng.randint(2, 4)))
        label = (
            f"Talks between {self.name_of(parties[0])} and {self.name_of(parties[1])} "
            f"in {place.name}"
        )
        return self.event(
            EventKind.TALKS,
            day,
            label,
            place=place.id,
            roles={"attendee": parties, "mediator": tuple(mediators), "host": (host,)},
            delegations=delegations,
            cause=cause,
            previous=previous,
        )

    def build_timeline(self, n_events: int, start: dt.date, span_days: int) -> None:
        rng = self.rng
        mean_gap = span_days / n_events
        day = start
        last_talks: WorldEvent | None = None
        kinds = (
            "talks",
            "killing",
            "attack",
            "proposal",
            "arms_transfer",
            "hostage_release",
            "prisoner_release",
            "agreement",
            "withdrawal",
            "military_operation",
        )
        weights = (26, 11, 9, 11, 7, 5, 5, 5, 6, 5)
        while len(self.events) < n_events:
            day += dt.timedelta(days=round(rng.expovariate(1 / mean_gap)))
            kind = rng.choices(kinds, weights)[0]
            if kind == "talks" or last_talks is None:
                last_talks = self.talks(day, None, last_talks.id if last_talks else None)
            elif kind == "killing":
                self.killing(day, last_talks)
            elif kind == "attack":
                self.attack(day)
            elif kind == "proposal":
                found = self.proposal(day, last_talks)
                if found is not None:
                    last_talks = found
            elif kind == "withdrawal":
                actor = rng.choice(last_talks.roles["attendee"])
                self.withdrawal(day, actor, last_talks, None)
            else:
                self.simple(kind, day)
        self.events.sort(key=lambda e: (e.date, e.id))

    def killing(self, day: dt.date, talks: WorldEvent) -> None:
        rng = self.rng
        perp_side = rng.choice(("norland", "norland", "azure-front", "vesmar"))
        perp = MILITARY.get(perp_side, perp_side)
        victim_org = MILITARY.get(FRONT_SIDE[perp_side], FRONT_SIDE[perp_side])
        victim = self.add_person(
            self.actors[victim_org].adjective or "commander", MEMBER, org=victim_org
        )
        place = self.pick("front")[0]
        ev = self.event(
            EventKind.KILLING,
            day,
            f"Killing of {victim.name}",
            place=place,
            roles={"victim": (victim.id,), "perpetrator": (perp,)},
        )
        side = FRONT_SIDE[perp_side]
        if side in talks.roles["attendee"] and rng.random() < 0.5:
            later = day + dt.timedelta(days=rng.randint(1, 4))
            self.withdrawal(later, side, talks, ev.id)

    def withdrawal(self, day: dt.date, actor: str, talks: WorldEvent, cause: str | None) -> None:
        place = self.name_of(talks.place or "")
        label = f"{self.name_of(actor)} withdraws from the talks in {place}"
        self.event(
            EventKind.WITHDRAWAL, day, label, roles={"actor": (actor,)}, talks=talks.id, cause=cause
        )

    def attack(self, day: dt.date) -> None:
        rng = self.rng
        perp = rng.choice(("azure-front", "azure-front", "vesmari-army"))
        place = self.pick("front-norland")[0]
        ev = self.event(
            EventKind.ATTACK,
            day,
            f"{self.name_of(perp)} attack on {self.name_of(place)}",
            place=place,
            roles={"perpetrator": (perp,)},
            number=rng.randint(3, 60),
        )
        if rng.random() < 0.6:
            op_place = self.pick("front-vesmar")[0]
            later = day + dt.timedelta(days=rng.randint(1, 9))
            self.event(
                EventKind.MILITARY_OPERATION,
                later,
                f"Offensive in {self.name_of(op_place)}",
                place=op_place,
                roles={"perpetrator": ("norland-defence-forces",)},
                cause=ev.id,
            )

    def proposal(self, day: dt.date, last_talks: WorldEvent) -> WorldEvent | None:
        rng = self.rng
        proposer = self.pick("proposer")[0]
        plan = rng.choice(self.vocab["plans"])
        rejected = (rng.choice(PARTIES),) if rng.random() < 0.4 else ()
        ev = self.event(
            EventKind.PROPOSAL,
            day,
            f"{self.name_of(proposer)} proposes {plan}",
            roles={"proposer": (proposer,)},
            detail=plan,
            rejected_by=rejected,
        )
        if rng.random() < 0.35:
            later = day + dt.timedelta(days=rng.randint(3, 12))
            return self.talks(later, ev.id, last_talks.id)
        return None

    def simple(self, kind: str, day: dt.date) -> None:
        rng = self.rng
        if kind == "arms_transfer":
            weapons = rng.choice(self.vocab["weapons"])
            recipient = rng.choice(("norland", "norland", "vesmar"))
            self.event(
                EventKind.ARMS_TRANSFER,
                day,
                f"Talvia sends {weapons} to {self.name_of(recipient)}",
                detail=weapons,
                roles={"actor": ("talvia",), "target": (recipient,)},
            )
        elif kind == "hostage_release":
            self.event(
                EventKind.HOSTAGE_RELEASE,
                day,
                "Azure Front frees hostages",
                roles={"actor": ("azure-front",)},
                number=rng.randint(2, 40),
            )
        elif kind == "prisoner_release":
            self.event(
                EventKind.PRISONER_RELEASE,
                day,
                "Norland releases prisoners",
                roles={"actor": ("norland",)},
                number=rng.randint(10, 300),
            )
        elif kind == "military_operation":
            place = self.pick("front-vesmar")[0]
            self.event(
                EventKind.MILITARY_OPERATION,
                day,
                f"Offensive in {self.name_of(place)}",
                place=place,
                roles={"perpetrator": ("norland-defence-forces",)},
            )
        else:
            plan = rng.choice(self.vocab["plans"])
            mediator = self.pick("mediator-country")
            ev = self.event(
                EventKind.AGREEMENT,
                day,
                f"Agreement on {plan}",
                detail=plan,
                roles={"actor": ("norland", "azure-front"), "mediator": tuple(mediator)},
            )
            if rng.random() < 0.5:
                later = day + dt.timedelta(days=rng.randint(2, 10))
                self.event(
                    EventKind.HOSTAGE_RELEASE,
                    later,
                    "Azure Front frees hostages",
                    roles={"actor": ("azure-front",)},
                    number=rng.randint(2, 40),
                    cause=ev.id,
                )


def build_world(seed: int, n_articles: int) -> World:
    """The actors and the timeline for a corpus of `n_articles`, fixed by the seed."""
    rng = random.Random(f"world:{seed}:{n_articles}")
    builder = _Builder(rng, n_articles)
    builder.build_actors()
    builder.index_pools()
    n_events = max(12, n_articles // 3)
    years = min(25, 2 + n_articles // 5000)
    start = dt.date(2030 + rng.randrange(4), rng.randint(1, 12), rng.randint(1, 28))
    builder.build_timeline(n_events, start, 365 * years)
    return World(builder.actors, builder.events)
