"""A state's bodies named by its possessive: 'Egypt's foreign ministry', 'Qatar's interior
ministry', 'Gaza's civil defence agency'.

A country or place in the possessive before a noun of patterns.json "countries"."body_nouns"
(with the words that qualify it: 'foreign', 'civil defence') names an organization of that
state the recogniser seldom finds, least of all in lower case. The body is named with the
state's adjective ('Egyptian foreign ministry') and keeps the article's form as an alias, so the
statements and demands it makes have a speaker. A name the recogniser gave the body alone
('Health Ministry' in 'Israel's Health Ministry') gives way to it.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType
from loaders.extract.context import NER_CONFIDENCE, ArticleContext, Mention
from loaders.resolve import canonical_id

_STATES = (EntityType.COUNTRY, EntityType.PLACE)
_QUALIFIERS = ("ADJ", "NOUN", "PROPN")


def collect_bodies(ctx: ArticleContext) -> None:
    """Mentions of the bodies a state's possessive names."""
    nouns = set(ctx.patterns["countries"]["body_nouns"])
    for sent, tok in ctx.body_tokens():
        if tok.lower_ not in nouns or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        state = _possessor(ctx, tok)
        if state is None:
            continue
        found = ctx.mention_for(tok)
        if found is not None and not _recognised_only(ctx, found, state):
            continue  # a body the dictionary knows ('Israel's Mossad')
        start = state.end + 1  # after the possessive ending
        words = ctx.doc[start : tok.i]
        inside = {t.i for t in tok.subtree}
        if any(w.i not in inside or w.pos_ not in _QUALIFIERS for w in words):
            continue
        if any(ctx.mention_for(w) not in (None, found) for w in words):
            continue  # 'Israel's Likud party': a named body of its own
        phrase = ctx.doc[start : tok.i + 1].text
        actor = ctx.actor(state.entity_id)
        adjective = (
            actor.adjective if actor and actor.adjective else ctx.entities[state.entity_id].name
        )
        name = f"{adjective} {phrase}"
        entity_id = canonical_id(name)
        mention = Mention(
            entity_id, EntityType.ORGANIZATION, name, start, tok.i + 1, sent, NER_CONFIDENCE
        )
        if found is not None:
            _forget(ctx, found)
        ctx.add_mention(mention, None)
        alias = f"{state.text}'s {phrase}"
        if alias not in ctx.entities[entity_id].aliases:
            ctx.entities[entity_id].aliases.append(alias)


def _recognised_only(ctx: ArticleContext, m: Mention, state: Mention) -> bool:
    """A name the recogniser gave the body alone ('Health Ministry' in 'Israel's Health
    Ministry'), not one the dictionary knows."""
    return ctx.actor(m.entity_id) is None and m.start > state.end


def _forget(ctx: ArticleContext, m: Mention) -> None:
    """Drop a mention the body's own replaces, and its entity if nothing else names it."""
    ctx.mentions.remove(m)
    for i in range(m.start, m.end):
        if ctx.mention_of.get(i) is m:
            del ctx.mention_of[i]
    if not any(o.entity_id == m.entity_id for o in ctx.mentions):
        ctx.entities.pop(m.entity_id, None)


def _possessor(ctx: ArticleContext, tok: Token) -> Mention | None:
    """The state whose possessive the noun takes ('Qatar's interior ministry')."""
    for child in tok.children:
        if child.dep_ != "poss":
            continue
        m = ctx.mention_for(child)
        if m is not None and m.type in _STATES:
            return m
    return None
