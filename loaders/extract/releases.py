"""Releases of people: hostages freed by their captors, prisoners freed by a state.

A trigger is a verb of freeing from patterns.json ("release", "free", "hand over", "set free")
whose object (or passive subject) is people: a noun of the lexicon ("hostages", "captives",
"prisoners"), a number or group of a nationality ("three Israeli women", "39 Palestinians"),
or named persons. The lexicon's noun says which kind of release it is; otherwise the releasing
side does: a state frees prisoners, an armed group frees hostages. Named persons released are
participants; so is whoever receives them ("handed to the Red Cross").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from graph.models import DatePrecision, EntityType, EventKind, Role
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.phrases import resolve_pronoun
from loaders.extract.syntax import clause_dates, event_date, tense
from loaders.nlp import lexicon_words

_SUBJECT_DEPS = ("nsubj",)
_OBJECT_DEPS = ("dobj", "nsubjpass")
_SIDES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
_PARTICLE_DEPS = ("prt", "acomp", "advmod", "oprd", "prep")


def _is_trigger(tok: Token, cfg: dict[str, Any]) -> bool:
    if tok.pos_ != "VERB":
        return False
    if tok.lemma_ in cfg["verbs"]:
        return True
    particles = {
        c.lower_ for c in tok.children if c.dep_ in ("prt", "acomp", "advmod", "oprd", "prep")
    }
    return bool(particles & set(cfg["phrasal"].get(tok.lemma_, ())))


def _people(tok: Token) -> list[Token]:
    """The object of the freeing verb, with its conjuncts ('A, B and C were handed ...')."""
    out = []
    for c in tok.children:
        if c.dep_ in _OBJECT_DEPS:
            out.extend([c, *c.conjuncts])
            # 'A, B and C': the parser often takes the second name for an apposition
            out.extend(t for a in c.children if a.dep_ == "appos" for t in (a, *a.conjuncts))
    if not out and tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN":
        out.append(tok.head)  # 'the hostages released on Sunday'
    return out


def _kind_of(ctx: ArticleContext, people: list[Token], actor: Mention | None) -> EventKind | None:
    cfg = ctx.patterns["events"]["release"]
    for tok in people:
        words = {tok.lower_, tok.lemma_} | {c.lower_ for c in tok.children if c.dep_ == "amod"}
        if words & set(cfg["hostage_nouns"]):
            return EventKind.HOSTAGE_RELEASE
        if words & set(cfg["prisoner_nouns"]):
            return EventKind.PRISONER_RELEASE
    named = [m for t in people if (m := ctx.mention_for(t)) and m.type is EntityType.PERSON]
    counted = any(c.dep_ == "nummod" for t in people for c in t.children)
    if not (named or counted):
        return None
    if actor is None:
        return EventKind.HOSTAGE_RELEASE if _receiver(ctx, people[0].head) else None
    if actor.type is EntityType.COUNTRY:
        return EventKind.PRISONER_RELEASE
    return EventKind.HOSTAGE_RELEASE if actor.type is EntityType.ORGANIZATION else None


def _actor(ctx: ArticleContext, tok: Token) -> Mention | None:
    before = ctx.mention_for(tok.doc[tok.i - 1]) if tok.i > 0 else None
    if tok.dep_ == "conj" and before is not None and before.type in _SIDES:
        return before  # '... on Sunday and Israel released ...', parsed as 'Sunday and Israel'
    cur = tok
    for _ in range(3):
        subj = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        agent = [p for c in cur.children if c.dep_ == "agent" for p in c.children]
        for s in subj + agent:
            m = ctx.mention_for(s)
            if m is None:
                m = resolve_pronoun(ctx, s)
            if m is None:
                mods = [ctx.mention_for(c) for c in s.children if c.dep_ in ("compound", "amod")]
                m = next((x for x in mods if x is not None), None)
            if m is not None and m.type in _SIDES:
                return m
        if subj and cur.dep_ == "advcl":
            return None  # '..., while the authorities freed ...': a clause with its own subject
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _receiver(ctx: ArticleContext, tok: Token) -> Mention | None:
    """Whoever the people are handed to ('handed to the Red Cross')."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "over"):
            for p in c.children:
                m = ctx.mention_for(p)
                if m is not None and m.type is EntityType.ORGANIZATION:
                    return m
    return None


def _place(ctx: ArticleContext, tok: Token) -> Mention | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "from", "via"):
            for p in c.children:
                m = ctx.mention_for(p)
                if m is not None and m.type is EntityType.PLACE:
                    return m
    return None


def collect_releases(ctx: ArticleContext) -> None:
    """One release event per kind, releasing side and day."""
    cfg = ctx.patterns["events"]["release"]
    for sent, tok in ctx.body_tokens():
        if _is_trigger(tok, cfg):
            _record(ctx, tok, sent)


def _record(ctx: ArticleContext, tok: Token, sent: int) -> None:
    people = _people(tok)
    actor = _actor(ctx, tok)
    kind = _kind_of(ctx, people, actor) if people else None
    if kind is None:
        return
    if any(
        c.dep_ == "mark" and c.lower_ in lexicon_words("grammar", "condition_marks")
        for c in tok.children
    ):
        return  # a condition, not a release
    dates = clause_dates(ctx, sent, tok)
    found = (dates[0].date, dates[0].precision, 0.8) if dates else event_date(ctx, sent, tok)
    if found is None or (tense(tok) == "future" and found[1] is not DatePrecision.DAY):
        return
    iso, precision, confidence = found
    side = actor.entity_id if actor else ""
    key = f"{kind}|{side}|{iso}"
    draft = ctx.events.get(key)
    if draft is None:
        label = "Hostages released" if kind is EventKind.HOSTAGE_RELEASE else "Prisoners released"
        draft = EventDraft(key, kind, label, sent, 0.6 * confidence / 0.8, iso, precision)
        draft.anchor = actor.entity_id if actor else None
        ctx.events[key] = draft
    draft.sents.append(sent)
    draft.triggers.append(tok.i)
    if actor is not None:
        draft.participants.setdefault((actor.entity_id, Role.ACTOR), sent)
    for person in people:
        m = ctx.mention_for(person)
        if m is not None and m.type is EntityType.PERSON:
            draft.participants.setdefault((m.entity_id, Role.TARGET), sent)
    receiver = _receiver(ctx, tok)
    if receiver is not None:
        draft.participants.setdefault((receiver.entity_id, Role.ACTOR), sent)
    place = _place(ctx, tok)
    if place is not None and draft.place is None:
        draft.place = place.entity_id
