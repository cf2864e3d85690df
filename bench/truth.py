"""The facts a synthetic corpus states, gathered article by article and written as a facts file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bench.dating import month_start
from bench.world import WorldEvent
from graph.models import DatePrecision, EntityType, Predicate

_FINER = {None: 0, DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}


@dataclass
class _EntityFacts:
    type: EntityType
    name: str
    aliases: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)


@dataclass
class _EventFacts:
    event: WorldEvent
    participants: dict[tuple[str, str], None] = field(default_factory=dict)
    place: str | None = None
    precision: DatePrecision | None = None
    articles: list[str] = field(default_factory=list)


@dataclass
class _RelationFacts:
    evidence: str
    articles: list[str] = field(default_factory=list)


def _add_article(articles: list[str], article_id: str) -> None:
    if not articles or articles[-1] != article_id:
        articles.append(article_id)


class TruthRecorder:
    """Collects entities, events and relations as the articles state them, in a fixed order."""

    def __init__(self) -> None:
        self.entities: dict[str, _EntityFacts] = {}
        self.events: dict[str, _EventFacts] = {}
        self.relations: dict[tuple[str, str, str | None, str | None], _RelationFacts] = {}

    def add_entity(
        self,
        article_id: str,
        entity_id: str,
        type_: EntityType,
        name: str,
        form: str | None = None,
        role: str | None = None,
    ) -> None:
        """An article names an entity, with the form it used and a role it gave."""
        facts = self.entities.get(entity_id)
        if facts is None:
            facts = self.entities[entity_id] = _EntityFacts(type_, name)
        if form is not None:
            form = form.removeprefix("the ")
            if form != name:
                facts.aliases.setdefault(form)
        if role is not None:
            facts.roles.setdefault(role)
        _add_article(facts.articles, article_id)

    def add_event(
        self,
        article_id: str,
        event: WorldEvent,
        participants: Iterable[tuple[str, str]],
        place: str | None,
        precision: DatePrecision | None,
    ) -> None:
        """An article mentions an event, with the participants, place and date it states."""
        facts = self.events.get(event.id)
        if facts is None:
            facts = self.events[event.id] = _EventFacts(event)
        for pair in participants:
            facts.participants.setdefault(pair)
        facts.place = facts.place or place
        if _FINER[precision] > _FINER[facts.precision]:
            facts.precision = precision
        _add_article(facts.articles, article_id)

    def add_relation(
        self,
        article_id: str,
        subject: str,
        predicate: Predicate,
        obj: str | None,
        obj_text: str | None,
        evidence: str,
    ) -> None:
        """An article states a relation; the first article's sentence is kept as evidence."""
        key = (subject, predicate.value, obj, obj_text)
        facts = self.relations.get(key)
        if facts is None:
            facts = self.relations[key] = _RelationFacts(evidence)
        _add_article(facts.articles, article_id)

    def event_rows(self) -> Iterable[dict[str, Any]]:
        """The events as facts-file rows, dated as precisely as some article dated them."""
        for facts in self.events.values():
            ev, precision = facts.event, facts.precision
            date = None
            if precision is DatePrecision.DAY:
                date = ev.date.isoformat()
            elif precision is DatePrecision.MONTH:
                date = month_start(ev.date).isoformat()
            yield {
                "id": ev.id,
                "kind": ev.kind.value,
                "label": ev.label,
                "date": date,
                "date_precision": precision.value if date is not None and precision else None,
                "place": facts.place,
                "participants": [{"entity": e, "role": r} for e, r in facts.participants],
                "articles": facts.articles,
            }

    def entity_rows(self) -> Iterable[dict[str, Any]]:
        """The entities as facts-file rows."""
        for entity_id, f in self.entities.items():
            yield {
                "id": entity_id,
                "type": f.type.value,
                "name": f.name,
                "aliases": list(f.aliases),
                "roles": list(f.roles),
                "articles": f.articles,
            }

    def relation_rows(self) -> Iterable[dict[str, Any]]:
        """The relations as facts-file rows, each with its evidence sentence."""
        for (subject, predicate, obj, obj_text), f in self.relations.items():
            row: dict[str, Any] = {"subject": subject, "predicate": predicate, "object": obj}
            if obj_text is not None:
                row["object_text"] = obj_text
            row["articles"] = f.articles
            row["evidence"] = f.evidence
            yield row


def _write_list(fh: TextIO, key: str, rows: Iterable[dict[str, Any]], last: bool) -> None:
    fh.write(f' "{key}": [')
    first = True
    for row in rows:
        fh.write("\n  " if first else ",\n  ")
        fh.write(json.dumps(row, ensure_ascii=False))
        first = False
    fh.write("\n ]" if not first else "]")
    fh.write("\n" if last else ",\n")


def write_truth(path: Path, articles: Iterable[dict[str, Any]], truth: TruthRecorder) -> None:
    """Write the facts file (FORMAT.md shape), one row per line, without building it in memory."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("{\n")
        _write_list(fh, "articles", articles, last=False)
        _write_list(fh, "entities", truth.entity_rows(), last=False)
        _write_list(fh, "events", truth.event_rows(), last=False)
        _write_list(fh, "relations", truth.relation_rows(), last=True)
        fh.write("}\n")
