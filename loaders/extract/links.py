"""Event-to-event edges from causal and temporal wording: CAUSED and PRECEDED."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from graph.models import DatePrecision, EntityType, EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, EventDraft

# Where a causal verb names its result: 'led to X', 'produced X', 'pushed X to say'.
_RESULT_DEPS = ("dobj", "prep", "xcomp", "ccomp", "attr")


def _events_by_trigger(ctx: ArticleContext) -> dict[int, EventDraft]:
    return {i: d for d in ctx.events.values() for i in d.triggers}


def _event_under(tok: Token, triggers: dict[int, EventDraft]) -> EventDraft | None:
    """The event whose trigger is this token or lies nearest below it."""
    for t in sorted(tok.subtree, key=lambda t: abs(t.i - tok.i)):
        if t.i in triggers:
            return triggers[t.i]
    return None


def _event_above(tok: Token, triggers: dict[int, EventDraft]) -> EventDraft | None:
    """The event whose trigger governs this token's clause."""
    for anc in tok.ancestors:
        if anc.i in triggers:
            return triggers[anc.i]
    return None


def _subject_event(tok: Token, triggers: dict[int, EventDraft]) -> EventDraft | None:
    """The event a clause's subject names: 'The order came a day after the attack'."""
    subject = _clause_subject(tok)
    return _event_under(subject, triggers) if subject is not None else None


def _clause_subject(tok: Token) -> Token | None:
    verb = tok.head
    while verb.dep_ in ("npadvmod", "prep", "advmod") and verb.head.i != verb.i:
        verb = verb.head
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subject[0] if subject else None


def _round_referred(ctx: ArticleContext, sent: int, subject: Token) -> EventDraft | None:
    """The round a definite noun of talks refers back to ('That meeting produced ...'): the
    talks reported last in this sentence or the two before."""
    if subject.lemma_ not in ctx.patterns["talks"]["nouns"] or not _definite(subject):
        return None
    return _latest(ctx, sent, EventKind.TALKS, _BACK)


def _definite(noun: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in noun.children
    )


def _latest(
    ctx: ArticleContext, sent: int, kind: EventKind, back: int, entity: str | None = None
) -> EventDraft | None:
    """The event of `kind` told last in this sentence or the `back` before, involving `entity`."""
    found = [
        (max(s for s in d.sents if s <= sent), d)
        for d in ctx.events.values()
        if d.kind is kind
        and any(sent - back <= s <= sent for s in d.sents)
        and (entity is None or d.place == entity or any(e == entity for e, _ in d.participants))
    ]
    return max(found, key=lambda sd: sd[0])[1] if found else None


def _event_referred(ctx: ArticleContext, sent: int, noun: Token) -> EventDraft | None:
    """The event a definite noun refers back to: 'the Kerem Shalom attack', 'the sit-down',
    'his death', or a round by its city ('ten days after Cairo')."""
    m = ctx.mention_for(noun)
    if m is not None:
        if m.type is not EntityType.PLACE:
            return None
        return _latest(ctx, sent, EventKind.TALKS, _REFERRED_BACK, m.entity_id)
    if not _definite(noun):
        return None
    for kind in EventKind:
        if not _names_kind(ctx, kind, noun):
            continue
        named = [ctx.mention_for(c) for c in noun.children if c.dep_ in ("compound", "amod")]
        entity = next((x.entity_id for x in named if x is not None), None)
        found = _latest(ctx, sent, kind, _REFERRED_BACK, entity)
        return found or _latest(ctx, sent, kind, _REFERRED_BACK)
    return None


def _names_kind(ctx: ArticleContext, kind: EventKind, noun: Token) -> bool:
    if kind is EventKind.TALKS:
        words = ctx.patterns["talks"]["nouns"]
    else:
        words = ctx.patterns["events"].get(str(kind), {}).get("nouns", [])
    return noun.lemma_ in words or noun.lower_ in words


_BACK = 2  # sentences back where 'the meeting' finds its round
_REFERRED_BACK = 6  # sentences back where 'the Kerem Shalom attack' finds its event
_DEFINITE = ("the", "that", "this", "these", "those")
# What a round can produce, by the noun that names it, and the role of the round's parties.
_RESULTS = {EventKind.PROPOSAL: Role.PROPOSER, EventKind.AGREEMENT: Role.ACTOR}


def _result_of(
    ctx: ArticleContext, cause: EventDraft, results: list[Token], sent: int
) -> EventDraft | None:
    """The proposal or agreement a round produced ('The meeting led to a framework'), made an
    event of the round's day, place and parties."""
    if cause.kind is not EventKind.TALKS or cause.date is None:
        return None
    nouns = [r for r in results if r.dep_ == "dobj"]
    nouns += [p for r in results if r.dep_ == "prep" and r.lower_ == "to" for p in r.children]

    def names(kind: EventKind, tok: Token) -> bool:
        words = ctx.patterns["events"][str(kind)]["nouns"]
        return tok.lemma_ in words or tok.lower_ in words

    for noun in nouns:
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children]
        for kind, role in _RESULTS.items():
            # 'the outline of a six-week truce': a text for a deal is a proposal
            outline = kind is EventKind.PROPOSAL and any(names(k, t) for k in _RESULTS for t in of)
            if not (names(kind, noun) or outline):
                continue
            known = _known_result(ctx, kind, cause.date)
            if known is not None:
                return known  # 'led to the agreement announced today': reported already
            key = f"{kind}|{cause.anchor or ''}|{cause.date}"
            label = f"{kind.capitalize()}: {noun.text}"
            draft = EventDraft(key, kind, label, sent, cause.confidence)
            draft.date, draft.precision = cause.date, cause.precision
            draft.anchor, draft.place = cause.anchor, cause.place
            draft.sents.append(sent)
            draft.triggers.append(noun.i)
            for (entity, r), s in cause.participants.items():
                if r in (Role.ATTENDEE, Role.MEDIATOR):
                    draft.participants.setdefault((entity, role), s)
            ctx.events[key] = draft
            return draft
    return None


def _known_result(ctx: ArticleContext, kind: EventKind, since: str) -> EventDraft | None:
    """The event of `kind` the article dates within a week from `since`, if one day has one."""
    start = dt.date.fromisoformat(since)
    found = [
        d
        for d in ctx.events.values()
        if d.kind is kind
        and d.date
        and 0 <= (dt.date.fromisoformat(d.date) - start).days <= _RESULT_DAYS
    ]
    # one day's mentions are merged later ('same day'); two days are two events
    return found[0] if len({d.date for d in found}) == 1 else None


_RESULT_DAYS = 7


def _link(ctx: ArticleContext, a: EventDraft, pred: Predicate, b: EventDraft, sent: int) -> None:
    if a.key == b.key:
        return
    ctx.relate(a.key, pred, b.key, sent, 0.6, subject_is_event=True, obj_is_event=True)
    if pred is Predicate.CAUSED and b.date is None and a.date is not None:
        # The effect comes no earlier than its cause, but not necessarily the same day.
        if a.precision is DatePrecision.DAY:
            b.date, b.precision = a.date[:8] + "01", DatePrecision.MONTH
        else:
            b.date, b.precision = a.date, a.precision


def collect_links(ctx: ArticleContext) -> None:
    """CAUSED from 'X, prompting Y' / 'in response to'; PRECEDED from 'followed' / 'after'."""
    cfg = ctx.patterns["relations"]
    causal = set(cfg["causal_verbs"])
    precede = set(cfg["precede_verbs"])
    triggers = _events_by_trigger(ctx)
    for sent, span in enumerate(ctx.sents):
        for tok in span:
            if tok.pos_ == "VERB" and tok.lemma_ in causal:
                others = {k: v for k, v in triggers.items() if k != tok.i}
                subject = [c for c in tok.children if c.dep_ == "nsubj"]
                # 'The meeting led to a framework': the subject causes, the object follows
                cause = _event_under(subject[0], others) if subject else None
                cause = cause or _event_above(tok, triggers)
                cause = cause or (_round_referred(ctx, sent, subject[0]) if subject else None)
                results = [c for c in tok.children if c.dep_ in _RESULT_DEPS]
                effect = next((e for r in results if (e := _event_under(r, others))), None)
                effect = effect or _event_under(tok, others)
                if effect is None and cause is not None:
                    effect = _result_of(ctx, cause, results, sent)
                if cause and effect and effect is not cause:
                    _link(ctx, cause, Predicate.CAUSED, effect, sent)
            elif tok.pos_ == "VERB" and tok.lemma_ in precede:
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                obj = [c for c in tok.children if c.dep_ == "dobj"]
                first = _event_under(obj[0], triggers) if obj else None
                then = _event_under(subj[0], triggers) if subj else None
                if first and then:
                    pair = (first, then) if tok.lemma_ == "follow" else (then, first)
                    _link(ctx, pair[0], Predicate.PRECEDED, pair[1], sent)
            elif tok.lower_ == "after" and tok.dep_ in ("prep", "mark"):
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                before = _event_under(tok, triggers)
                before = before or (_event_referred(ctx, sent, objs[0]) if objs else None)
                later = _event_above(tok, triggers) or _subject_event(tok, triggers)
                named = _clause_subject(tok)
                later = later or (_event_referred(ctx, sent, named) if named else None)
                if before and later and before is not later:
                    _link(ctx, before, Predicate.PRECEDED, later, sent)


def drop_undated_statements(ctx: ArticleContext) -> None:
    """A statement is news only with a time: undated ones (no date, no cause) are dropped."""
    for key in [k for k, d in ctx.events.items() if d.kind is EventKind.STATEMENT]:
        if ctx.events[key].date is None:
            del ctx.events[key]


def fold_undated(ctx: ArticleContext) -> None:
    """An undated mention of an event merges into the dated event of the same kind and anchor."""
    for key, d in list(ctx.events.items()):
        if d.date is not None or d.anchor is None:
            continue
        dated = [
            o
            for o in ctx.events.values()
            if o.kind is d.kind and o.anchor == d.anchor and o.date is not None
        ]
        if len(dated) != 1:
            if d.provisional:
                del ctx.events[key]  # an undated, one-sided mention is kept only to be merged
            continue
        keep = dated[0]
        for part, sent in d.participants.items():
            keep.participants.setdefault(part, sent)
        keep.sents.extend([d.sent, *d.sents])
        keep.triggers.extend(d.triggers)
        for rel in ctx.relations:
            if rel.subject_is_event and rel.subject == key:
                rel.subject = keep.key
            if rel.obj_is_event and rel.obj == key:
                rel.obj = keep.key
        del ctx.events[key]
