"""Article facts made straight from the generator, for graphs too big to extract here.

`iter_facts`: the generator renders each article as usual and the facts it states (its truth,
recorded per article) become that article's ArticleFacts, each fact with the sentence that
states it (about 240 articles/s on one core).

`iter_event_facts`: for graphs of 100k events (a corpus of 300,000 articles: hours of
extraction, and 20 minutes of rendering, on two cores) one short dispatch per event of the
generator's world states that event, its date, place and participants, what caused it and
what it followed, with the same ids the extractor gives, so the graph has the same events,
actors and links at a third of the articles (fewer MENTIONS and Evidence per event).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from bench.article import RenderedArticle, render_article
from bench.truth import TruthRecorder
from bench.world import World, build_world
from graph.models import (
    Article,
    ArticleFacts,
    DatePrecision,
    Entity,
    EntityType,
    Event,
    EventKind,
    Evidence,
    NodeLabel,
    Participant,
    Predicate,
    Relation,
    Role,
)

ARTICLES_PER_EVENT = 3  # the generator's world has one event per three articles
ROLES = {r.value for r in Role}


def _evidence(art: RenderedArticle, needle: str) -> Evidence | None:
    """The sentence of the article holding `needle`, with its offsets; None when absent."""
    at = art.text.find(needle)
    if at < 0:
        return None
    start = max(art.text.rfind(". ", 0, at) + 2, art.text.rfind("\n", 0, at) + 1, 0)
    stop = art.text.find(". ", at)
    end = len(art.text) if stop < 0 else stop + 1
    return Evidence(
        article_id=art.article_id,
        sentence=art.text[start:end],
        start=start,
        end=end,
        confidence=0.8,
    )


def article_facts(art: RenderedArticle, truth: TruthRecorder) -> ArticleFacts:
    """One rendered article's recorded facts as the ArticleFacts the writer takes."""
    aid = art.article_id
    article = Article(
        id=aid,
        title=art.title,
        source=art.source,
        author=art.author,
        published=art.published.isoformat(),
        text=art.text,
        content_hash=hashlib.sha256(art.text.encode()).hexdigest(),
    )
    entities: list[Entity] = []
    for row in truth.entity_rows():
        ev = _evidence(art, row["name"]) or next(
            (e for e in map(lambda a: _evidence(art, a), row["aliases"]) if e), None
        )
        entities.append(
            Entity(
                id=row["id"],
                type=EntityType(row["type"]),
                name=row["name"],
                aliases=tuple(row["aliases"]),
                roles=tuple(row["roles"]),
                evidence=(ev,) if ev else (),
            )
        )
    known = {e.id for e in entities}
    events: list[Event] = []
    for row in truth.event_rows():
        date = row["date"]
        participants = tuple(
            Participant(entity_id=p["entity"], role=Role(p["role"]))
            for p in row["participants"]
            if p["entity"] in known and p["role"] in ROLES
        )
        events.append(
            Event(
                id=row["id"],
                kind=EventKind(row["kind"]),
                label=row["label"],
                date=date,
                date_precision=DatePrecision(row["date_precision"]) if date else None,
                place_id=row["place"] if row["place"] in known else None,
                participants=participants,
            )
        )
    labels = {e.id: NodeLabel.ENTITY for e in entities} | {v.id: NodeLabel.EVENT for v in events}
    relations: list[Relation] = []
    for row in truth.relation_rows():
        subject, obj = row["subject"], row["object"]
        ev = _evidence(art, row["evidence"])
        if subject not in labels or (obj is not None and obj not in labels) or ev is None:
            continue
        relations.append(
            Relation(
                subject_id=subject,
                subject_label=labels[subject],
                predicate=Predicate(row["predicate"]),
                object_id=obj,
                object_label=labels.get(obj or "", NodeLabel.ENTITY),
                object_text=row.get("object_text"),
                evidence=ev,
            )
        )
    return ArticleFacts(
        article=article, entities=tuple(entities), events=tuple(events), relations=tuple(relations)
    )


def iter_facts(
    n_articles: int, seed: int = 1, junk_rate: float = 0.0, world: World | None = None
) -> Iterator[ArticleFacts]:
    """The facts of a generated corpus of `n_articles`, article by article, in id order."""
    world = world if world is not None else build_world(seed, n_articles)
    for index in range(1, n_articles + 1):
        truth = TruthRecorder()
        art = render_article(world, truth, seed, index, n_articles, junk_rate)
        yield article_facts(art, truth)


def articles_for_events(events: int) -> int:
    """The corpus size whose world holds about `events` events."""
    return max(1, events * ARTICLES_PER_EVENT)


_LINKS = {
    Role.ATTENDEE: Predicate.ATTENDED,
    Role.MEDIATOR: Predicate.MEDIATED,
    Role.PROPOSER: Predicate.PROPOSED,
}


def _stub(world: World, event_id: str) -> Event:
    other = world.by_id[event_id]
    return Event(
        id=other.id,
        kind=other.kind,
        label=other.label,
        date=other.date.isoformat(),
        date_precision=DatePrecision.DAY,
    )


def event_facts(world: World, index: int) -> ArticleFacts:
    """A one-event dispatch about the world's event number `index`, as ArticleFacts."""
    ev = world.events[index]
    aid = f"evt-{index + 1:07d}"
    day = ev.date.isoformat()
    lines = [f"{ev.label} took place on {day}."]
    cast: list[tuple[str, Role]] = [
        (a, Role(r)) for r, ids in ev.roles.items() if r in ROLES for a in ids if a in world.actors
    ]
    lines += [f"{world.actors[a].name} took part as {role.value}." for a, role in cast]
    if ev.place is not None:
        lines.append(f"It was held in {world.actors[ev.place].name}.")
    linked = [
        (p, eid)
        for p, eid in ((Predicate.CAUSED, ev.cause), (Predicate.PRECEDED, ev.previous))
        if eid is not None and eid in world.by_id
    ]
    lines += [f"It followed {world.by_id[eid].label}." for _, eid in linked]
    text = " ".join(lines)
    art = RenderedArticle(aid, text, ev.date, ev.label, "Synthetic Wire", None, False, ())
    actors = dict.fromkeys([a for a, _ in cast] + ([ev.place] if ev.place else []))
    entities = tuple(
        Entity(
            id=a,
            type=world.actors[a].type,
            name=world.actors[a].name,
            aliases=world.actors[a].aliases,
            evidence=tuple(e for e in [_evidence(art, world.actors[a].name)] if e),
        )
        for a in actors
    )
    main_ev = _evidence(art, lines[0])
    event = Event(
        id=ev.id,
        kind=ev.kind,
        label=ev.label,
        date=day,
        date_precision=DatePrecision.DAY,
        place_id=ev.place,
        participants=tuple(Participant(entity_id=a, role=r) for a, r in cast),
        evidence=(main_ev,) if main_ev else (),
    )
    relations = [
        Relation(
            subject_id=a,
            predicate=_LINKS[r],
            object_id=ev.id,
            object_label=NodeLabel.EVENT,
            evidence=ev_,
        )
        for a, r in cast
        if r in _LINKS
        if (ev_ := _evidence(art, f"{world.actors[a].name} took part")) is not None
    ]
    relations += [
        Relation(
            subject_id=eid,
            subject_label=NodeLabel.EVENT,
            predicate=p,
            object_id=ev.id,
            object_label=NodeLabel.EVENT,
            evidence=ev_,
        )
        for p, eid in linked
        if (ev_ := _evidence(art, f"followed {world.by_id[eid].label}")) is not None
    ]
    article = Article(
        id=aid,
        title=ev.label,
        source="Synthetic Wire",
        published=day,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    stubs = tuple(_stub(world, eid) for _, eid in linked)
    return ArticleFacts(
        article=article, entities=entities, events=(event, *stubs), relations=tuple(relations)
    )


def iter_event_facts(events: int, seed: int = 1) -> Iterator[ArticleFacts]:
    """One dispatch per event of a world of about `events` events, in date order."""
    world = build_world(seed, articles_for_events(events))
    for index in range(len(world.events)):
        yield event_facts(world, index)
