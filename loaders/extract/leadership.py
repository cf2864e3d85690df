"""Who runs what, from verbs: 'X ran the Carnegie Endowment', 'X, who leads Jewish Power',
'a Board of Peace to be chaired by Trump', 'X heads the agency'.

Titles before and after names are read by `entities.collect_affiliations`; this step reads the
verbs of patterns.json "titles"."lead_verbs" whose subject (or agent) is a person and whose
object is an organization or a country.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, Predicate
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.phrases import resolve_pronoun

_LED = (EntityType.ORGANIZATION, EntityType.COUNTRY)
_CONFIDENCE = 0.7


def _named(ctx: ArticleContext, tok: Token) -> Mention | None:
    m = ctx.mention_for(tok) or resolve_pronoun(ctx, tok)
    if m is None:
        for child in tok.children:
            if child.dep_ in ("compound", "appos"):
                m = ctx.mention_for(child)
                if m is not None:
                    break
    return m


def _leader(ctx: ArticleContext, verb: Token) -> Mention | None:
    """The person who leads: the verb's subject, the head of 'who leads', or the agent."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                child = verb.head
            m = _named(ctx, child)
            return m if m is not None and m.type is EntityType.PERSON else None
        if child.dep_ == "agent":
            for p in child.children:
                m = _named(ctx, p)
                if m is not None and m.type is EntityType.PERSON:
                    return m
    return None


def _led(ctx: ArticleContext, verb: Token) -> Mention | None:
    """What is led: the object, or the noun a participle qualifies ('a Board ... chaired')."""
    toks = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not toks and verb.dep_ in ("acl", "relcl", "xcomp"):
        toks = [verb.head]
    delegation_nouns = ctx.patterns["delegation"]["nouns"]
    for tok in toks:
        if ctx.mention_for(tok) is None and tok.lower_ in delegation_nouns:
            continue  # 'the US team was led by Burns': he leads the team, read with the rounds
        m = _named(ctx, tok)
        if m is not None and m.type in _LED:
            return m
    return None


def collect_leadership(ctx: ArticleContext) -> None:
    """LEADS edges from the verbs of leading."""
    verbs = set(ctx.patterns["titles"]["lead_verbs"])
    for sent, span in enumerate(ctx.sents):
        for verb in span:
            if verb.pos_ != "VERB" or verb.lemma_ not in verbs:
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            leader, led = _leader(ctx, verb), _led(ctx, verb)
            if leader is not None and led is not None and leader.entity_id != led.entity_id:
                ctx.relate(leader.entity_id, Predicate.LEADS, led.entity_id, sent, _CONFIDENCE)
