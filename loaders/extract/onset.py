"""When a truce begins: 'the truce took hold at 11:15 on Sunday', 'the ceasefire took effect at
noon', 'the pause entered into force on Friday', 'the deal is to take effect on Sunday'.

The start of a truce is an event of its own (kind `other`), apart from the agreement that set
it: the words are patterns.json "events"."onset" (the nouns that name a truce and the verb
frames that start one). Its parties are the sides the sentence names, else the sides the
article names most (a truce is between the sides at war, whom the sentence rarely repeats).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from graph.models import EntityType, EventKind, Role
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.mediation import is_media
from loaders.extract.syntax import event_date

_SIDES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
# Sides a truce is between when the sentence names none: the article's two most named.
_SIDES_FROM_ARTICLE = 2
_CONFIDENCE = 0.6


def _starts(ctx: ArticleContext, verb: Token) -> bool:
    """Whether a verb starts its subject: 'begins', 'took effect', 'entered into force'."""
    cfg = ctx.patterns["events"]["onset"]
    if verb.lemma_ in cfg["verbs"]:
        return True
    objects = cfg["verb_objects"].get(verb.lemma_)
    if not objects:
        return False
    heads = [c for c in verb.children if c.dep_ in ("dobj", "prt")]
    heads += [p for c in verb.children if c.dep_ == "prep" for p in c.children]
    return any(h.lower_ in objects for h in heads)


def _truce(ctx: ArticleContext, verb: Token) -> Token | None:
    """The truce noun a verb of starting has as its subject (or the 'it' that stands for one)."""
    nouns = set(ctx.patterns["events"]["onset"]["nouns"])
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = all(s.tag_ == "WDT" for s in subjects)
    if relative and verb.dep_ == "relcl" and verb.head.lemma_ in nouns:
        return verb.head  # 'the ceasefire, which took effect at noon'
    if not subjects and verb.dep_ == "xcomp":  # 'the truce is due to take effect'
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((s for s in subjects if s.lemma_ in nouns or s.lower_ in nouns), None)


def _sides(ctx: ArticleContext, sent: int) -> list[Mention]:
    """The sides a sentence names (no mediator, no outlet)."""
    out: list[Mention] = []
    for m in ctx.mentions_in(sent):
        if _is_side(ctx, m) and all(o.entity_id != m.entity_id for o in out):
            out.append(m)
    return out


def _is_side(ctx: ArticleContext, m: Mention) -> bool:
    """A country or body at war: no mediator of the dictionary, no outlet."""
    actor = ctx.actor(m.entity_id)
    mediator = actor is not None and actor.mediator
    return m.type in _SIDES and not is_media(ctx, m) and not mediator


def _article_sides(ctx: ArticleContext) -> list[str]:
    """The sides the article names most, for a truce whose sentence names none."""
    counts: Counter[str] = Counter()
    for m in ctx.mentions:
        if _is_side(ctx, m):
            counts[m.entity_id] += 1
    return [e for e, n in counts.most_common(_SIDES_FROM_ARTICLE) if n > 1]


def _place(ctx: ArticleContext, noun: Token, verb: Token) -> str | None:
    """A place the truce noun or its verb names ('the Gaza truce', 'took hold in Gaza')."""
    for tok in [*noun.subtree, *(c for c in verb.children if c.dep_ == "prep")]:
        for t in tok.subtree if tok.dep_ == "prep" else [tok]:
            m = ctx.mention_for(t)
            if m is not None and m.type is EntityType.PLACE:
                return m.entity_id
    return None


def collect_onsets(ctx: ArticleContext) -> None:
    """One event per truce start and day: when it began, between whom, where."""
    for sent, tok in ctx.body_tokens():
        if tok.pos_ not in ("VERB", "AUX") or not _starts(ctx, tok):
            continue
        noun = _truce(ctx, tok)
        if noun is None:
            continue
        when = event_date(ctx, sent, tok)
        if when is None:
            continue
        date, precision, confidence = when
        sides = [m.entity_id for m in _sides(ctx, sent)] or _article_sides(ctx)
        place = _place(ctx, noun, tok)
        if not sides and place is None:
            continue
        key = f"{EventKind.OTHER}|onset|{date}"
        draft = ctx.events.get(key)
        if draft is None:
            label = f"{noun.text.capitalize()} takes effect"
            draft = EventDraft(
                key, EventKind.OTHER, label, sent, _CONFIDENCE * confidence / 0.8, date, precision
            )
            draft.anchor = sides[0] if sides else place
            draft.place = place
            ctx.events[key] = draft
        draft.sents.append(sent)
        draft.triggers.append(tok.i)
        for side in sides:
            draft.participants.setdefault((side, Role.ACTOR), sent)
