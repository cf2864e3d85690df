"""Rounds named as predecessors: 'the meeting follows an earlier round in X on D', 'it came after
talks in X on D broke up'. The earlier round becomes its own talks event that PRECEDED the current
one."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.extract.context import ArticleContext
from loaders.extract.triggers import is_talks_trigger

_LATER_WORDS = {"it", "this", "that"}


def _is_later_side(ctx: ArticleContext, tok: Token) -> bool:
    return tok.lower_ in _LATER_WORDS or is_talks_trigger(ctx, tok)


def _talks_nouns(ctx: ArticleContext, toks: list[Token]) -> list[Token]:
    return [t for t in toks if t.pos_ == "NOUN" and is_talks_trigger(ctx, t)]


def earlier_round(ctx: ArticleContext, sent: int) -> Token | None:
    """The talks noun of a sentence that names a round before the one being reported."""
    precede = set(ctx.patterns["relations"]["precede_verbs"])
    for verb in ctx.sents[sent]:
        if verb.pos_ != "VERB":
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subj or not _is_later_side(ctx, subj[0]):
            continue
        if verb.lemma_ in precede and verb.lemma_ == "follow":
            found = _talks_nouns(ctx, [c for c in verb.children if c.dep_ == "dobj"])
        elif verb.lemma_ == "come":
            after = [c for c in verb.children if c.lower_ == "after"]
            after += [
                c
                for c in verb.children
                if c.dep_ == "advcl" and any(m.lower_ == "after" for m in c.children)
            ]
            cands = [g for a in after for g in a.children if g.dep_ in ("pobj", "nsubj")]
            found = _talks_nouns(ctx, cands)
        else:
            continue
        if found:
            return found[0]
    return None
