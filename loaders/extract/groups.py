"""Counted references back to people just named: 'the four convened again in Rome', 'the six
were killed', 'the three leaders said'.

'the N' (alone or before a noun of people) stands for the N persons a sentence just before
lists. Each person gets a mention over the reference's tokens, so the steps that read a
sentence's mentions (attendance, killings) see them there; the reference adds no alias.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType
from loaders.extract.context import ArticleContext, Mention

# Sentences back where a counted reference finds the list it counts.
_WINDOW = 3


def _count(ctx: ArticleContext, tok: Token) -> int | None:
    """N of 'the N' or 'the N men': a number word after 'the', heading its phrase or a noun."""
    n: int | None = ctx.patterns["grammar"]["counted_references"].get(tok.lower_)
    if n is None or tok.i == 0 or tok.doc[tok.i - 1].lower_ != "the":
        return None
    if tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i == tok.i + 1:
        return n  # 'the three leaders'
    return n if tok.pos_ == "NUM" and tok.dep_ not in ("nummod", "compound") else None


def _coordinated(ctx: ArticleContext, people: list[Mention], n: int) -> list[Mention] | None:
    """The persons of one list of exactly n names ('Burns, Barnea, Kamel and Sheikh Mohammed')."""
    for m in people:
        head = ctx.doc[m.end - 1]
        listed = [ctx.mention_for(t) for t in (head, *head.conjuncts)]
        found = [x for x in listed if x is not None and x.type is EntityType.PERSON]
        if len(found) == n and len({x.entity_id for x in found}) == n:
            return found
    return None


def _listed(ctx: ArticleContext, sent: int, n: int) -> list[Mention] | None:
    """The n persons of the nearest sentence before that names exactly n of them, or lists
    exactly n of them in one coordination ('A, B, C and D held a round; the next day E ...')."""
    for s in range(sent - 1, max(sent - 1 - _WINDOW, -1), -1):
        people: list[Mention] = []
        for m in ctx.mentions_in(s):
            if m.type is EntityType.PERSON and all(p.entity_id != m.entity_id for p in people):
                people.append(m)
        if len(people) == n:
            return people
        listed = _coordinated(ctx, people, n) if len(people) > n else None
        if listed is not None:
            return listed
        if len(people) > n:
            return None  # the list was longer: the count names part of it, which part is unsaid
    return None


def collect_groups(ctx: ArticleContext) -> None:
    """Mentions for the persons each counted reference stands for."""
    for sent, tok in list(ctx.body_tokens()):
        n = _count(ctx, tok)
        if n is None or ctx.mention_for(tok) is not None:
            continue
        people = _listed(ctx, sent, n)
        if people is None:
            continue
        end = tok.i + 2 if tok.dep_ == "nummod" else tok.i + 1
        for person in people:
            mention = Mention(
                person.entity_id,
                person.type,
                ctx.doc[tok.i - 1 : end].text,
                tok.i - 1,
                end,
                sent,
                person.confidence * 0.8,
            )
            ctx.refer(mention)
