"""Mediators: who a sentence calls a mediator or says brokered, and the events they mediate.

A cue of patterns.json "talks"."mediator_cues" ('mediators', 'brokered by', 'mediation of')
names its parties through the parse. Talks take their mediators when they are recorded;
`link_mediators` then gives the other events of a mediator's sentence (an agreement, a release)
the same mediators.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, Mention

# Events other than talks that a sentence's mediators mediate.
_MEDIATED_KINDS = (EventKind.AGREEMENT, EventKind.HOSTAGE_RELEASE, EventKind.PROPOSAL)

_CLIMB_DEPS = {"xcomp", "pcomp", "prep", "advcl", "dobj", "acl", "aux"}
_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod"}


def _with_conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens coordinated with it ('the US, Qatar and Egypt')."""
    return [tok, *tok.conjuncts]


def mentions_at(ctx: ArticleContext, toks: list[Token]) -> list[Mention]:
    """The actor mentions these tokens belong to or are modified by."""
    out: list[Mention] = []
    for tok in toks:
        cands = [tok] + [c for c in tok.children if c.dep_ in _MODIFIER_DEPS]
        cands += [p for c in tok.children if c.lower_ in ("of", "from", "by") for p in c.children]
        if tok.pos_ == "NOUN":  # 'the mediators - Egypt, Qatar and the United States -'
            cands += [c for c in tok.children if c.dep_ == "appos"]
        for cand in cands:
            for t in _with_conjuncts(cand):
                m = ctx.mention_for(t)
                if m is not None and m not in out:
                    out.append(m)
    return out


def _cue_mediators(ctx: ArticleContext, cue: Token) -> list[Mention]:
    if cue.pos_ == "NOUN":
        found = mentions_at(ctx, [cue])
        if cue.dep_ == "pobj" and cue.head.lower_ == "as":  # 'with Egypt acting as mediator'
            role = cue.head.head
            subj = [c for c in role.children if c.dep_ == "nsubj"]
            found += mentions_at(ctx, subj or ([role.head] if role.dep_ == "acl" else []))
        if cue.dep_ == "attr" or cue.dep_ == "appos":
            subj = [c for c in cue.head.children if c.dep_ == "nsubj"]
            found += mentions_at(ctx, subj if cue.dep_ == "attr" else [cue.head])
        return found
    agents = [c for c in cue.children if c.dep_ == "agent"]
    if agents:
        return mentions_at(ctx, [p for a in agents for p in a.children if p.dep_ == "pobj"])
    if cue.tag_ == "VBN" and cue.dep_ == "acl":
        return []
    top = cue
    while top.dep_ in _CLIMB_DEPS and top.head.i != top.i:
        top = top.head
    subj = [c for c in top.children if c.dep_ == "nsubj"]
    if not subj and top.pos_ == "NOUN":
        return mentions_at(ctx, [top])
    return mentions_at(ctx, subj)


def mediators_of(ctx: ArticleContext, sent: int, handed: bool = True) -> set[Mention]:
    """Mentions of a sentence that act as mediators ('Qatari mediators', 'Egypt ... to mediate').

    Without `handed`, mediators something is handed or sent to ('its reply to the mediators')
    are left out: they receive it, they do not mediate it.
    """
    cues = set(ctx.patterns["talks"]["mediator_cues"])
    out: set[Mention] = set()
    found = [t for t in ctx.sents[sent] if t.lower_ in cues or t.lemma_ in cues]
    if not handed:
        found = [t for t in found if not (t.dep_ == "pobj" and t.head.lower_ == "to")]
    found += [t for t in ctx.sents[sent] if _convenes(ctx, t)]
    found += [v for t in ctx.sents[sent] if (v := _hands_both_sides(ctx, t)) is not None]
    for cue in found:
        for m in _cue_mediators(ctx, cue):
            if m.type in (EntityType.COUNTRY, EntityType.ORGANIZATION) and not is_media(ctx, m):
                out.add(m)
    return out


def _hands_both_sides(ctx: ArticleContext, tok: Token) -> Token | None:
    """The verb by which someone hands both sides a text ('passed both sides a revised text',
    'sent it to the two parties'): who does that stands between them."""
    if tok.lower_ not in ("sides", "parties") or not any(
        c.lower_ in ("both", "two") for c in tok.children
    ):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "to" else tok.head
    if tok.dep_ not in ("dative", "dobj", "pobj") or verb.pos_ != "VERB":
        return None
    return verb if verb.lemma_ in ctx.patterns["talks"]["handing_verbs"] else None


def _convenes(ctx: ArticleContext, tok: Token) -> bool:
    """A verb of bringing the sides together with its particle ('brought A and B together')."""
    needs = ctx.patterns["talks"]["convene_verbs"].get(tok.lemma_) if tok.pos_ == "VERB" else None
    if needs is None:
        return False
    near = [g for c in tok.children for g in (c, *c.children)]
    return not needs or any(t.lower_ in needs for t in near)


def is_media(ctx: ArticleContext, m: Mention) -> bool:
    actor = ctx.actor(m.entity_id)
    return bool(actor and actor.media)


def link_mediators(ctx: ArticleContext) -> None:
    """MEDIATED edges from a sentence's mediators to its agreement, release or proposal."""
    for d in list(ctx.events.values()):
        if d.kind not in _MEDIATED_KINDS:
            continue
        for sent in dict.fromkeys(ctx.sent_of[i] for i in d.triggers):
            for m in mediators_of(ctx, sent, handed=d.kind is not EventKind.PROPOSAL):
                if (m.entity_id, Role.MEDIATOR) in d.participants:
                    continue
                d.participants.setdefault((m.entity_id, Role.MEDIATOR), sent)
                ctx.relate(
                    m.entity_id,
                    Predicate.MEDIATED,
                    d.key,
                    sent,
                    m.confidence * 0.8,
                    obj_is_event=True,
                )
