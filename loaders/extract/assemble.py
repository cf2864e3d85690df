"""Turn an article's drafts into the frozen facts: final event ids, deduplicated relations."""

from __future__ import annotations

from graph.models import (
    ArticleFacts,
    DatePrecision,
    EntityType,
    Event,
    EventKind,
    Participant,
    Relation,
    Role,
)
from loaders.extract.claims import most_certain
from loaders.extract.context import ArticleContext, EventDraft, node_label
from loaders.resolve import event_id

# Kinds that span days: one article's month and another's day name the same event, so their ids
# keep only the month (the graph keeps the finest date any article gives).
MONTH_BUCKET_KINDS = (EventKind.TALKS, EventKind.MILITARY_OPERATION)
_KEY_PARTY_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)


def _key_parties(ctx: ArticleContext, d: EventDraft) -> str | None:
    """The sorted ids of an event's attending countries and organizations (at most three)."""
    ids = sorted(
        {
            entity
            for entity, role in d.participants
            if role is Role.ATTENDEE
            and entity in ctx.entities
            and ctx.entities[entity].type in _KEY_PARTY_TYPES
        }
    )
    return "-".join(ids[:3]) or None


def _id_precision(d: EventDraft) -> str | None:
    if d.precision is None:
        return None
    if d.kind in MONTH_BUCKET_KINDS and d.precision is DatePrecision.DAY:
        return str(DatePrecision.MONTH)
    return str(d.precision)


def final_event_ids(ctx: ArticleContext) -> dict[str, str]:
    """Map each draft key to its deterministic event id (kind + anchor + date)."""
    out: dict[str, str] = {}
    used: set[str] = set(ctx.entities)
    for key, d in ctx.events.items():
        dated = d.kind is not EventKind.KILLING  # a person is killed once: the victim is the key
        anchor = d.anchor or d.place
        if anchor is None and d.kind is EventKind.TALKS:
            anchor = _key_parties(ctx, d)
        eid = event_id(
            str(d.kind),
            anchor,
            d.date if dated else None,
            _id_precision(d) if dated else None,
        )
        base, n = eid, 2
        while eid in used:
            eid = f"{base}-{n}"
            n += 1
        used.add(eid)
        out[key] = eid
    return out


def _event_model(ctx: ArticleContext, d: EventDraft, eid: str) -> Event:
    parts = tuple(
        Participant(entity_id=entity, role=role, evidence=ctx.evidence(sent, 0.7))
        for (entity, role), sent in d.participants.items()
        if entity in ctx.entities
    )
    place = d.place if d.place in ctx.entities else None
    evidence = tuple(ctx.evidence(s, d.confidence) for s in dict.fromkeys([d.sent, *d.sents]))
    return Event(
        id=eid,
        kind=d.kind,
        label=d.label,
        date=d.date,
        date_precision=d.precision,
        place_id=place,
        participants=parts,
        evidence=evidence,
        status=d.status,
    )


def assemble_facts(ctx: ArticleContext) -> ArticleFacts:
    """The article's facts, ready to be written."""
    ids = final_event_ids(ctx)
    events = [_event_model(ctx, d, ids[k]) for k, d in ctx.events.items()]
    relations: dict[str, Relation] = {}
    for r in ctx.relations:
        subject = ids.get(r.subject) if r.subject_is_event else r.subject
        obj = (ids.get(r.obj) if r.obj_is_event else r.obj) if r.obj is not None else None
        if subject is None or (r.obj is not None and obj is None):
            continue
        if not r.subject_is_event and subject not in ctx.entities:
            continue
        if obj is not None and not r.obj_is_event and obj not in ctx.entities:
            continue
        if obj == subject:
            continue  # two mentions of one round merged: no round precedes itself
        rel = Relation(
            subject_id=subject,
            subject_label=node_label(r.subject_is_event),
            predicate=r.predicate,
            object_id=obj,
            object_label=node_label(r.obj_is_event),
            object_text=r.text if obj is None else None,
            evidence=ctx.evidence(r.sent, r.confidence),
            status=r.status,
        )
        same = relations.get(rel.key)
        if same is not None:  # one fact said twice: the more certain status, the surer sentence
            status = most_certain([same.status, rel.status])
            if same.evidence.confidence >= r.confidence:
                rel = same
            rel = rel.model_copy(update={"status": status})
        relations[rel.key] = rel
    return ArticleFacts(
        article=ctx.article,
        entities=tuple(ctx.entity_models()),
        events=tuple(events),
        relations=tuple(relations.values()),
    )
