"""Delegations and the round they attend: which side a delegation noun names, its entity."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, slugify
from loaders.extract.context import ArticleContext, Mention

_DELEGATING = (EntityType.COUNTRY, EntityType.ORGANIZATION)


def current_talks(ctx: ArticleContext, sent: int, talks_sents: dict[int, str]) -> str | None:
    """The talks event a sentence most likely refers to: the last one before it, else the next."""
    before = [s for s in talks_sents if s <= sent]
    if before:
        return talks_sents[max(before)]
    after = [s for s in talks_sents if s > sent]
    return talks_sents[min(after)] if after else None


def delegation_countries(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """Countries a delegation noun belongs to: 'US and Israeli negotiating teams', 'from Israel'."""
    found: list[Mention] = []
    i = noun.i - 1
    # words that may stand between a side and its noun: "Israel's own negotiating team"
    sent_start = ctx.sents[ctx.sent_of[noun.i]].start
    while i >= sent_start:
        tok = ctx.doc[i]
        m = ctx.mention_for(tok)
        if m is not None and m.type in _DELEGATING:
            if m not in found:
                found.insert(0, m)
            i = m.start - 1
            continue
        if tok.lower_ not in ctx.patterns["delegation"]["between_side_and_noun"]:
            break
        i -= 1
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            # 'a delegation from Israel', 'the delegations of Israel and the Hamas movement'
            for pobj in (p for c in child.children for p in (c, *c.conjuncts)):
                m = ctx.mention_for(pobj)
                if m is not None and m.type in _DELEGATING and m not in found:
                    found.append(m)
    return found


def delegation_entity(
    ctx: ArticleContext, country: Mention, noun: Token, talks: str | None, sent: int
) -> str:
    """Create the delegation entity of a country at a round of talks; return its id."""
    nouns: dict[str, str] = ctx.patterns["delegation"]["nouns"]
    actor = ctx.actor(country.entity_id)
    known = actor.adjective if actor and actor.adjective else None
    # A country the dictionary lacks is named by its name: 'Norland' and 'Norlandic' agree.
    adjective = known or ctx.entities[country.entity_id].name
    name = f"{adjective} {nouns[noun.lower_]}"
    suffix = ""
    if talks is not None and ctx.events[talks].date:
        suffix = "-" + (ctx.events[talks].date or "")[:7]
    # One id per side and round whatever the article calls it ('team', 'negotiators',
    # 'delegation'), so that the articles of one round agree; the name stays the article's.
    entity_id = slugify(f"{adjective} delegation") + suffix
    same = ctx.delegations.get((country.entity_id, talks))
    if same is not None:
        entity_id = same  # one delegation per country and round, whatever the article calls it
    ctx.delegations.setdefault((country.entity_id, talks), entity_id)
    draft = ctx.add_entity(entity_id, EntityType.DELEGATION, name, sent, country.confidence)
    # as written ('Israel's negotiators'), with the side's adjective ('Israeli negotiators') and
    # by the common name of every side's team ('Israeli delegation')
    forms = (f"{country.text} {noun.text}", f"{adjective} {noun.lower_}", f"{adjective} delegation")
    for form in forms:
        if form not in draft.aliases and form != draft.name:
            draft.aliases.append(form)
    return entity_id
