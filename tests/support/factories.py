"""Small synthetic articles for graph tests: invented people, places and events, no real text."""

from __future__ import annotations

import hashlib

from graph.models import (
    Article,
    ArticleFacts,
    ClaimStatus,
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


def evidence(article_id: str, text: str, sentence: str, confidence: float = 0.9) -> Evidence:
    """Evidence for `sentence`, which must occur in `text`."""
    start = text.index(sentence)
    return Evidence(
        article_id=article_id,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        confidence=confidence,
    )


def claimed(facts: ArticleFacts, status: ClaimStatus) -> ArticleFacts:
    """`facts` with every event and relation presented as `status`."""
    return facts.model_copy(
        update={
            "events": tuple(v.model_copy(update={"status": status}) for v in facts.events),
            "relations": tuple(r.model_copy(update={"status": status}) for r in facts.relations),
        }
    )


def talks_article(
    article_id: str, *, delegate: str = "Mara Velden", city: str = "Lorvik", extra: str = ""
) -> ArticleFacts:
    """One invented round of talks in `city`, attended by `delegate` for Northland."""
    first = f"{delegate} of the Northland delegation attended talks in {city} on Tuesday."
    second = "Northland demanded a corridor for aid convoys."
    text = f"{first} {second}{extra}"
    ev1 = evidence(article_id, text, first)
    ev2 = evidence(article_id, text, second)
    person = delegate.lower().replace(" ", "-")
    talks = f"talks-{city.lower()}-2031-03-04"
    return ArticleFacts(
        article=Article(
            id=article_id,
            title=f"Talks in {city}",
            source="Example Wire",
            published="2031-03-05",
            text=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        ),
        entities=(
            Entity(
                id=person,
                type=EntityType.PERSON,
                name=delegate,
                aliases=(delegate.split()[-1],),
                roles=("envoy",),
                evidence=(ev1,),
            ),
            Entity(id="northland", type=EntityType.COUNTRY, name="Northland", evidence=(ev2,)),
            Entity(
                id="northland-delegation",
                type=EntityType.DELEGATION,
                name="Northland delegation",
                evidence=(ev1,),
            ),
            Entity(id=city.lower(), type=EntityType.PLACE, name=city, evidence=(ev1,)),
        ),
        events=(
            Event(
                id=talks,
                kind=EventKind.TALKS,
                label=f"Talks in {city}",
                date="2031-03-04",
                date_precision=DatePrecision.DAY,
                place_id=city.lower(),
                participants=(Participant(entity_id=person, role=Role.ATTENDEE),),
                evidence=(ev1,),
            ),
        ),
        relations=(
            Relation(
                subject_id=person,
                predicate=Predicate.ATTENDED,
                object_id=talks,
                object_label=NodeLabel.EVENT,
                evidence=ev1,
            ),
            Relation(
                subject_id=person,
                predicate=Predicate.MEMBER_OF,
                object_id="northland-delegation",
                evidence=ev1,
            ),
            Relation(
                subject_id="northland",
                predicate=Predicate.DEMANDED,
                object_text="a corridor for aid convoys",
                evidence=ev2,
            ),
        ),
    )


def round_article(
    article_id: str,
    event_id: str,
    date: str,
    precision: DatePrecision = DatePrecision.DAY,
    *,
    city: str = "Lorvik",
    kind: EventKind = EventKind.TALKS,
) -> ArticleFacts:
    """talks_article with its round renamed, redated and, if asked, of another kind."""
    facts = talks_article(article_id, city=city)
    old = facts.events[0].id
    event = facts.events[0].model_copy(
        update={"id": event_id, "date": date, "date_precision": precision, "kind": kind}
    )
    relations = tuple(
        r.model_copy(update={"object_id": event_id}) if r.object_id == old else r
        for r in facts.relations
    )
    return facts.model_copy(update={"events": (event,), "relations": relations})


def make_article(article_id: str, text: str, published: str = "2024-08-14") -> Article:
    """A synthetic article with the given text."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(id=article_id, published=published, content_hash=digest, text=text)
