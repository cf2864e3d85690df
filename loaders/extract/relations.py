"""Relations from verbs over the parse: DEMANDED (free-text objects), REJECTED, ACCUSED."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, Predicate
from loaders.extract.context import ArticleContext, Mention

_MAX_OBJECT_WORDS = 14
_SUBJECT_TYPES = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)


def _subject_of(ctx: ArticleContext, verb: Token) -> Mention | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            m = ctx.mention_for(child)
            if m is not None and m.type in _SUBJECT_TYPES:
                return m
    return None


def _object_text(tok: Token) -> str:
    words = [t.text for t in tok.subtree if t.dep_ != "punct" and not t.is_space]
    while words and words[0].lower() in ("a", "an", "the", "that", "to", "on"):
        words.pop(0)
    return " ".join(words[:_MAX_OBJECT_WORDS])


def _demand_object(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "ccomp", "xcomp"):
            return _object_text(child)
        if child.dep_ == "prep" and child.lower_ in ("on", "for"):
            pobj = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if pobj:
                return _object_text(pobj[0])
    return None


def collect_relations(ctx: ArticleContext) -> None:
    """DEMANDED, REJECTED and ACCUSED edges from the verbs of each sentence."""
    cfg = ctx.patterns["relations"]
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for tok in span:
            if tok.pos_ != "VERB":
                continue
            if tok.lemma_ in cfg["accuse_verbs"]:
                _accused(ctx, tok, sent)
            elif tok.lemma_ in cfg["demand_verbs"] or tok.lemma_ in cfg["reject_verbs"]:
                subject = _subject_of(ctx, tok)
                text = _demand_object(tok)
                if subject is None or not text:
                    continue
                pred = (
                    Predicate.DEMANDED if tok.lemma_ in cfg["demand_verbs"] else Predicate.REJECTED
                )
                ctx.relate(subject.entity_id, pred, None, sent, subject.confidence * 0.7, text=text)


def _accused(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subject = _subject_of(ctx, verb)
    if subject is None:
        return
    for child in verb.children:
        m = ctx.mention_for(child)
        if child.dep_ == "dobj" and m is not None and m.type in _SUBJECT_TYPES:
            ctx.relate(
                subject.entity_id,
                Predicate.ACCUSED,
                m.entity_id,
                sent,
                min(subject.confidence, m.confidence) * 0.8,
            )
