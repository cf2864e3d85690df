"""Talks between named persons: 'X met Y', 'X held talks with Y', 'X's comments came after
discussions with Y'. One talks event per pair, dated by the speaker's nearest dated statement."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import DatePrecision, EntityType, EventKind, Predicate, Role
from loaders.extract.context import DICTIONARY_CONFIDENCE, ArticleContext, EventDraft, Mention
from loaders.extract.events import venue_of
from loaders.extract.phrases import resolve_pronoun
from loaders.extract.syntax import clause_dates, governing_verb, nearest_date
from loaders.extract.triggers import is_talks_trigger
from loaders.resolve import date_key

MEETING_CONFIDENCE = 0.6
# Sentences either side searched for the speaker's dated statement.
_SPEECH_WINDOW = 4
# A participle or clause whose date and venue are those of the verb it hangs from.
_CLAUSE_DEPS = ("advcl", "xcomp", "conj")
_DURING = ("during", "at", "in")  # a meeting in which what the verb tells was done


def _person_at(ctx: ArticleContext, tok: Token) -> Mention | None:
    """The person a token names, refers to, or is in apposition with ('Qatar's premier, X')."""
    m = ctx.mention_for(tok)
    if m is None:  # 'he', 'the CIA director'
        m = resolve_pronoun(ctx, tok)
    if m is None:
        for child in tok.children:
            if child.dep_ == "appos":
                m = ctx.mention_for(child)
                break
    return m if m is not None and m.type is EntityType.PERSON else None


def _partners(ctx: ArticleContext, trigger: Token) -> list[Mention]:
    """The persons met: the object of 'meet', the 'with' object of the talks word or its verb."""
    heads = [trigger, trigger.head] if trigger.dep_ == "dobj" else [trigger]
    toks = [c for c in trigger.children if c.dep_ == "dobj"] if trigger.pos_ == "VERB" else []
    for head in heads:
        toks += [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    out: list[Mention] = []
    for tok in toks:
        for t in [tok, *tok.conjuncts]:
            m = _person_at(ctx, t)
            if m is not None and m not in out:
                out.append(m)
    return out


def _host_side(ctx: ArticleContext, trigger: Token) -> Mention | None:
    """The person who met: the subject of the trigger's clause, or that subject's possessor."""
    cur = trigger if trigger.pos_ == "VERB" else governing_verb(trigger)
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            m = _person_at(ctx, subj[0])
            poss = [c for c in subj[0].children if c.dep_ == "poss"]
            return m or (_person_at(ctx, poss[0]) if poss else None)
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _country_in_text(ctx: ArticleContext, m: Mention) -> str | None:
    """A country named with the person's title: 'Qatar's Prime Minister, X', 'Norland's X'."""
    root = ctx.doc[m.end - 1]
    for tok in (root, root.head) if root.dep_ == "appos" else (root,):
        for child in tok.children:
            other = ctx.mention_for(child)
            named = other is not None and other.type is EntityType.COUNTRY
            if child.dep_ in ("poss", "compound", "amod") and other is not None and named:
                return other.entity_id
    return None


def country_of_person(ctx: ArticleContext, m: Mention) -> str | None:
    """The country a person serves, from the text or from the dictionary's affiliations."""
    found = _country_in_text(ctx, m)
    if found is not None:
        return found
    actor = ctx.actor(m.entity_id)
    if actor is None:
        return None
    for ref in (actor.country, *actor.leads, *actor.member_of):
        target = ctx.actor(ref) if ref else None
        if target is None:
            continue
        country = target.id if target.type is EntityType.COUNTRY else target.country
        country_actor = ctx.actor(country) if country else None
        if country_actor is not None:
            if country_actor.id not in ctx.entities:
                ctx.add_entity(
                    country_actor.id,
                    country_actor.type,
                    country_actor.name,
                    m.sent,
                    DICTIONARY_CONFIDENCE,
                )
            return country_actor.id
    return None


def _speaker_date(ctx: ArticleContext, sent: int, person: str) -> tuple[str, DatePrecision] | None:
    """The date of the nearest statement the person made ('He said on Thursday ...')."""
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    lo, hi = max(sent - _SPEECH_WINDOW, 0), min(sent + _SPEECH_WINDOW + 1, len(ctx.sents))
    for s in sorted(range(lo, hi), key=lambda s: (abs(s - sent), s)):
        for verb in ctx.sents[s]:
            if verb.pos_ != "VERB" or verb.lemma_ not in speech:
                continue
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            who = _person_at(ctx, subj[0]) if subj else None
            if who is None or who.entity_id != person:
                continue
            dates = clause_dates(ctx, s, verb)
            if dates:
                return dates[0].date, dates[0].precision
    return None


def _meeting_date(
    ctx: ArticleContext, sent: int, trigger: Token, person: str
) -> tuple[str, DatePrecision, float] | None:
    dates = clause_dates(ctx, sent, trigger)
    if not dates and trigger.dep_ in _CLAUSE_DEPS:  # 'was in Doha on Nov. 28, meeting X'
        dates = clause_dates(ctx, sent, trigger.head)
    if not dates and trigger.dep_ == "pobj" and trigger.head.lower_ in _DURING:
        dates = clause_dates(ctx, sent, trigger.head.head)  # 'handed it over during a meeting'

    if dates:
        return dates[0].date, dates[0].precision, 0.8
    near = nearest_date(ctx, sent, trigger)
    if near is not None:
        return near.date, near.precision, 0.8
    said = _speaker_date(ctx, sent, person)
    if said is not None:
        return said[0], said[1], 0.6
    published = ctx.article.published
    return (published, DatePrecision.DAY, 0.4) if published else None


def _together_at(ctx: ArticleContext, verb: Token) -> bool:
    """'Sullivan was in Jerusalem with Netanyahu': being at a place with someone is meeting."""
    if verb.lemma_ != "be":
        return False
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    at = [p for w in ("in", "at") if w in preps for p in preps[w].children]
    places = [m for p in at if (m := ctx.mention_for(p)) is not None]
    return bool(preps.get("with")) and any(m.type is EntityType.PLACE for m in places)


def collect_meetings(ctx: ArticleContext) -> None:
    """A talks event for every meeting of two named persons, with their countries."""
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for trigger in span:
            if not (is_talks_trigger(ctx, trigger) or _together_at(ctx, trigger)):
                continue
            partners = _partners(ctx, trigger)
            host = _host_side(ctx, trigger) if partners else None
            if host is None:
                continue
            people = [host, *(p for p in partners if p.entity_id != host.entity_id)]
            if len(people) < 2:
                continue
            _record(ctx, sent, trigger, people)


def _record(ctx: ArticleContext, sent: int, trigger: Token, people: list[Mention]) -> None:
    when = _meeting_date(ctx, sent, trigger, people[0].entity_id)
    ids = sorted({p.entity_id for p in people})
    key = "talks|meeting|" + "|".join(ids)
    if when is not None and when[2] >= 0.8:  # the same people met again: another meeting
        key += "|" + date_key(when[0], str(when[1]))
    draft = ctx.events.get(key)
    if draft is None:
        names = " and ".join(ctx.entities[i].name for i in ids)
        draft = EventDraft(key, EventKind.TALKS, f"Meeting of {names}", sent, MEETING_CONFIDENCE)
        draft.anchor = "-".join(ids)
        draft.meeting = True
        ctx.events[key] = draft
    if when is not None and (draft.date is None or when[2] > draft.date_confidence):
        draft.date, draft.precision, draft.date_confidence = when
    draft.sents.append(sent)
    draft.triggers.append(trigger.i)
    ctx.meeting_triggers.add(trigger.i)
    draft.place = draft.place or venue_of(ctx, sent, trigger)
    if draft.place is None and trigger.dep_ in _CLAUSE_DEPS:
        draft.place = venue_of(ctx, sent, trigger.head)
    for person in people:
        draft.participants.setdefault((person.entity_id, Role.ATTENDEE), sent)
        ctx.relate(
            person.entity_id, Predicate.ATTENDED, key, sent, MEETING_CONFIDENCE, obj_is_event=True
        )
        country = country_of_person(ctx, person)
        if country is not None:
            draft.participants.setdefault((country, Role.ATTENDEE), sent)
