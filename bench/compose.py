"""Sentences about the world's events, each recording the facts it states as it is written."""

from __future__ import annotations

import datetime as dt
import random
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from bench.dating import DatePhrase, phrase_for
from bench.truth import TruthRecorder
from bench.world import LEADS, MEMBER, Actor, World, WorldEvent, load_templates
from graph.models import DatePrecision, EntityType, Predicate

_FIELDS = string.Formatter()


@dataclass(frozen=True)
class DateMention:
    """A date phrase written for an event: where it stands and what it resolves to."""

    event_id: str
    phrase: str
    sentence: str
    date: str
    precision: DatePrecision
    future: bool


@dataclass
class _Pending:
    """Facts of the sentence being written, recorded once its text is final."""

    relations: list[tuple[str, Predicate, str | None, str | None]] = field(default_factory=list)
    events: list[tuple[WorldEvent, list[tuple[str, str]], str | None, DatePhrase | None]] = field(
        default_factory=list
    )


@cache
def template_fields(template: str) -> tuple[str, ...]:
    """The placeholder names of a template, in order, each once."""
    names = (name for _, name, _, _ in _FIELDS.parse(template) if name)
    return tuple(dict.fromkeys(names))


@cache
def choose_templates(kind: str, dated: bool, only: str | None, without: str) -> tuple[str, ...]:
    """The templates of `kind` a sentence may use."""
    found = [
        t
        for t in load_templates()[kind]
        if (only is None or only in t) and not (without and without in t)
    ]
    if not dated:
        found = [t for t in found if "{Date}" not in t and "{prev_date}" not in t] or found
    return tuple(found)


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def upper_first(text: str) -> str:
    """The text with its first letter capitalised (after any opening quote)."""
    i = 1 if text[:1] == '"' else 0
    return text[:i] + text[i : i + 1].upper() + text[i + 1 :]


Slot = Callable[[_Pending], str]


class ArticleWriter:
    """Writes the sentences of one article and records what they state."""

    def __init__(
        self,
        world: World,
        truth: TruthRecorder,
        article_id: str,
        published: dt.date,
        rng: random.Random,
    ) -> None:
        self.world, self.truth, self.rng = world, truth, rng
        self.article_id, self.published = article_id, published
        self.introduced: dict[str, str] = {}  # person id -> surname
        self.dates: list[DateMention] = []

    # -- names

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return self.world.actors[actor_id]

    def name(self, actor_id: str, pending: _Pending) -> str:
        """How this sentence names an actor; records the mention (and a title's relation)."""
        a = self.actor(actor_id)
        if a.type is EntityType.PERSON:
            return self._person(a, pending)
        form = a.text
        if a.aliases and self.rng.random() < 0.15:
            form = self.rng.choice(a.aliases)
        self.truth.add_entity(self.article_id, a.id, a.type, a.name, form)
        return form

    def _person(self, a: Actor, pending: _Pending) -> str:
        if a.id in self.introduced:
            clash = sum(1 for s in self.introduced.values() if s == a.surname) > 1
            form = a.name if clash else a.surname
            self.truth.add_entity(self.article_id, a.id, a.type, a.name, form)
            return form
        self.introduced[a.id] = a.surname
        home = self.actor(a.org or a.country or "")
        title = a.title or ""
        if a.org is not None:
            forms = [f"{home.name} {title} {a.name}", f"{title} {a.name} of {home.text}"]
            if a.link == MEMBER:
                forms.append(f"{a.name} of {home.text}")
            role = f"{title} of {home.text}"
        else:
            forms = [f"{home.name} {title} {a.name}", f"{title} {a.name} of {home.name}"]
            role = f"{title} of {home.name}"
        form = self.rng.choice(forms)
        self.truth.add_entity(self.article_id, a.id, a.type, a.name, form, role)
        self.truth.add_entity(self.article_id, home.id, home.type, home.name, home.text)
        if a.link == LEADS:
            pending.relations.append((a.id, Predicate.LEADS, home.id, None))
        elif a.link == MEMBER:
            pending.relations.append((a.id, Predicate.MEMBER_OF, home.id, None))
        return form

    def names(self, ids: tuple[str, ...] | list[str], pending: _Pending) -> str:
        """Several actors named in a list."""
        return join_names([self.name(i, pending) for i in ids])

    def delegation(self, party: str, talks: WorldEvent, pending: _Pending) -> tuple[str, str]:
        """(id, text) of a party's delegation to a round of talks."""
        a = self.actor(party)
        did = f"{party}-delegation-{talks.id}"
        forms = [f"{a.name} delegation", f"{a.name} negotiating team"]
        if a.adjective and a.type is EntityType.COUNTRY:
            forms.append(f"{a.adjective} delegation")
        form = self.rng.choice(forms)
        role = f"{a.name} team at the talks of {talks.date.isoformat()}"
        self.truth.add_entity(
            self.article_id, did, EntityType.DELEGATION, f"{a.name} delegation", form, role
        )
        pending.relations.append((did, Predicate.ATTENDED, talks.id, None))
        pending.events.append((talks, [(did, "attendee")], None, None))
        return did, form

    # -- sentences

    def write(
        self,
        kind: str,
        slots: dict[str, Slot],
        dated: bool = True,
        only: str | None = None,
        without: str = "",
    ) -> str:
        """Fill a random template of `kind`, then record the facts the final sentence states."""
        template = self.rng.choice(choose_templates(kind, dated, only, without))
        pending = _Pending()
        values: dict[str, str] = {}
        for fname in template_fields(template):
            key = "date" if fname == "Date" else fname
            values[fname] = slots[key](pending) if (dated or key != "date") else ""
        if "Date" in values:
            values["Date"] = upper_first(values["Date"])
        text = template.format_map(values).replace("  ", " ").replace(" ,", ",").replace(" .", ".")
        text = upper_first(text)
        for subject, predicate, obj, obj_text in pending.relations:
            self.truth.add_relation(self.article_id, subject, predicate, obj, obj_text, text)
        for event, participants, place, phrase in pending.events:
            precision = phrase.precision if phrase is not None else None
            self.truth.add_event(self.article_id, event, participants, place, precision)
            if phrase is not None:
                written = phrase.text if phrase.text in text else upper_first(phrase.text)
                self.dates.append(
                    DateMention(
                        event.id,
                        written,
                        text,
                        phrase.date.isoformat(),
                        phrase.precision,
                        event.date > self.published,
                    )
                )
        return text

    def date_slot(self, event: WorldEvent) -> Slot:
        """A slot writing the event's date phrase and attaching it to the event's record."""

        def fill(pending: _Pending) -> str:
            phrase = phrase_for(event.date, self.published, self.rng)
            pending.events.append((event, [], None, phrase))
            return phrase.text

        return fill

    def role_slot(
        self,
        event: WorldEvent,
        role: str,
        predicate: Predicate | None = None,
        target: str | None = None,
        ids: tuple[str, ...] | None = None,
    ) -> Slot:
        """A slot naming the event's actors in a role, with the relation the wording states."""

        def fill(pending: _Pending) -> str:
            chosen = ids if ids is not None else event.roles[role]
            text = self.names(chosen, pending)
            pending.events.append((event, [(i, role) for i in chosen], None, None))
            if predicate is not None:
                for i in chosen:
                    pending.relations.append((i, predicate, target or event.id, None))
            return text

        return fill

    def place_slot(self, event: WorldEvent) -> Slot:
        """A slot naming where the event happened."""

        def fill(pending: _Pending) -> str:
            pending.events.append((event, [], event.place, None))
            return self.name(event.place or "", pending)

        return fill

    def text_slot(self, value: str) -> Slot:
        """A slot with fixed text and no facts."""
        return lambda pending: value
