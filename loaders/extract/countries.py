"""Country, organization or place for names the dictionary lacks, from how the text uses them.

A name is a country when it has a demonym ('the Norlandic government'), heads a state ('the
government of X', 'President of X', 'X's foreign ministry'), sends a delegation, or acts as a
party or mediator; a name used only as a venue ('in X') stays a place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from graph.models import EntityType
from loaders.extract.context import NER_CONFIDENCE, ArticleContext, Mention
from loaders.extract.names import STATE_FORM
from loaders.gazetteer import load_gazetteer
from loaders.nlp import load_type_words
from loaders.resolve import canonical_id

_DEMONYM_SUFFIXES = ("ic", "ian", "an", "i", "ese", "ish", "n", "ean", "ite", "er")
_VENUE_PREPS = {"in", "at", "to", "near", "outside", "inside"}
_PARTY_PREPS = {"between", "from", "by", "with", "against"}
# Score a name needs, from the cues below, to be typed a country.
COUNTRY_SCORE = 2
# Place evidence a real city or state (or a facility noun) adds against the country cues.
PLACE_SCORE = 3


def is_demonym(adjective: str, name: str) -> bool:
    """Whether a word is a name's demonym ('Norlandic' of 'Norland', 'Ostrevan' of 'Ostreva')."""
    adj, base = adjective.lower(), name.lower()
    if adj == base or " " in base or len(base) < 3:
        return False
    stems = {base, base[:-1]} if base[-1] in "aeiouy" else {base}
    return any(adj == stem + suffix for stem in stems for suffix in _DEMONYM_SUFFIXES)


def _reassign(ctx: ArticleContext, m: Mention, entity_id: str, type_: EntityType) -> Mention:
    """Point a mention at another entity (and type), keeping the entity drafts consistent."""
    new = replace(m, entity_id=entity_id, type=type_)
    ctx.mentions[ctx.mentions.index(m)] = new
    for i in range(new.start, new.end):
        ctx.mention_of[i] = new
    draft = ctx.entities.get(entity_id)
    if draft is None:
        draft = ctx.add_entity(entity_id, type_, new.text, new.sent, new.confidence)
    draft.type = type_
    if new.text != draft.name and new.text not in draft.aliases:
        draft.aliases.append(new.text)
    if m.entity_id != entity_id and not any(x.entity_id == m.entity_id for x in ctx.mentions):
        ctx.entities.pop(m.entity_id, None)
    return new


def _unknown(ctx: ArticleContext) -> dict[str, str]:
    """Names of the article's entities the dictionary lacks that could be countries, by id."""
    return {
        eid: d.name
        for eid, d in ctx.entities.items()
        if ctx.actor(eid) is None and d.type in (EntityType.ORGANIZATION, EntityType.PLACE)
    }


def _fold_state_names(ctx: ArticleContext) -> set[str]:
    """'Republic of X' is the country X: its mentions move to X, which becomes a country."""
    found: set[str] = set()
    org_words = set(ctx.patterns["countries"]["organization_words"])
    for m in list(ctx.mentions):
        match = STATE_FORM.match(m.text)
        if match is None or ctx.actor(m.entity_id) is not None:
            continue
        name = load_gazetteer().country(m.text) or match.group("name")
        if name.split()[-1].lower() in org_words:
            continue  # 'State of the Union' names no country
        target = canonical_id(name)
        if ctx.actor(target) is None:
            if target not in ctx.entities:
                ctx.add_entity(target, EntityType.COUNTRY, name, m.sent, m.confidence)
            _reassign(ctx, m, target, EntityType.COUNTRY)
            found.add(target)
    return found


def _fold_demonyms(ctx: ArticleContext) -> dict[str, int]:
    """Demonyms name their country: 'Norlandic' becomes a mention of Norland. Counts per id."""
    names = _unknown(ctx)
    counts: dict[str, int] = {}
    for m in list(ctx.mentions):
        owner = next(
            (e for e, n in names.items() if e != m.entity_id and is_demonym(m.text, n)), None
        )
        if owner is not None:
            _reassign(ctx, m, owner, EntityType.COUNTRY)
            counts[owner] = counts.get(owner, 0) + 1
    for ent in ctx.doc.ents:
        if ent.label_ != "NORP" or ctx.mention_for(ent[0]) is not None:
            continue
        owner = next((e for e, n in names.items() if is_demonym(ent.text, n)), None)
        if owner is None:
            continue
        sent = ctx.sent_of[ent.start]
        ctx.add_mention(
            Mention(owner, EntityType.COUNTRY, ent.text, ent.start, ent.end, sent, NER_CONFIDENCE),
            None,
        )
        ctx.adjectives.setdefault(owner, ent.text)
        counts[owner] = counts.get(owner, 0) + 1
    return counts


def _words_before(ctx: ArticleContext, m: Mention, n: int) -> str:
    start = max(ctx.sents[m.sent].start, m.start - n)
    return " ".join(t.lower_ for t in ctx.doc[start : m.start])


def _word_after(ctx: ArticleContext, m: Mention, skip_possessive: bool) -> Token | None:
    i = m.end
    if skip_possessive and i < len(ctx.doc) and ctx.doc[i].text in ("'s", "\u2019s"):
        i += 1
    return ctx.doc[i] if i < len(ctx.doc) and ctx.sent_of[i] == m.sent else None


def _cue_scores(ctx: ArticleContext, m: Mention) -> tuple[int, int, int]:
    """(country, place, organization) evidence one mention gives its entity."""
    cfg = ctx.patterns["countries"]
    state_nouns = set(cfg["state_nouns"])
    delegation = set(ctx.patterns["delegation"]["nouns"])
    before = _words_before(ctx, m, 3)
    country = place = org = 0
    if re.search(r"\b(?:" + "|".join(map(re.escape, state_nouns)) + r") of(?: the)?$", before):
        country += 2
    if re.search(r"\b(?:" + "|".join(map(re.escape, cfg["host_cues"])) + r")$", before):
        country += 2  # 'hosted by X', 'under the auspices of X', 'mediators from X'
    nxt = _word_after(ctx, m, skip_possessive=True)
    if nxt is not None and (nxt.lower_ in state_nouns or nxt.lower_ in delegation):
        country += 2
    if nxt is not None and nxt.lower_ == "negotiating":
        country += 2
    prev = ctx.doc[m.start - 1] if m.start > ctx.sents[m.sent].start else None
    if prev is not None and prev.lower_ == "the" and not m.text.isupper():
        org += 1  # 'the Azure Front', 'the Ward': countries rarely take an article
    if prev is not None and prev.lower_ in _VENUE_PREPS:
        place += 1
    elif prev is not None and prev.lower_ in _PARTY_PREPS:
        country += 1
    if ctx.doc[m.start].ent_type_ == "GPE":
        country += 1
    if any(w in set(cfg["organization_words"]) for w in m.text.lower().split()):
        org += 3
    return country, place, org


def retype_countries(ctx: ArticleContext) -> None:
    """Type the dictionary's unknown names as countries where the text treats them as states."""
    states = _fold_state_names(ctx)
    demonyms = _fold_demonyms(ctx)
    totals: dict[str, list[int]] = {}
    for m in ctx.mentions:
        if ctx.actor(m.entity_id) is not None or m.type is EntityType.PERSON:
            continue
        if m.type not in (EntityType.ORGANIZATION, EntityType.PLACE, EntityType.COUNTRY):
            continue
        row = totals.setdefault(m.entity_id, [0, 0, 0])
        for i, v in enumerate(_cue_scores(ctx, m)):
            row[i] += v
    for eid, (country, place, org) in totals.items():
        country += 3 * demonyms.get(eid, 0) + (3 if eid in states else 0)
        place += _place_evidence(ctx.entities[eid].name)
        if country >= COUNTRY_SCORE and country > place and country > org:
            _set_type(ctx, eid, EntityType.COUNTRY)


def _place_evidence(name: str) -> int:
    """A real city or state, or a facility's head noun, argues against a country."""
    kind = load_gazetteer().kind(name)
    if kind is EntityType.COUNTRY:
        return -COUNTRY_SCORE
    facility = name.split()[-1].lower() in load_type_words().facility_nouns
    return (PLACE_SCORE if kind is EntityType.PLACE else 0) + (PLACE_SCORE if facility else 0)


def _set_type(ctx: ArticleContext, entity_id: str, type_: EntityType) -> None:
    ctx.entities[entity_id].type = type_
    for m in [m for m in ctx.mentions if m.entity_id == entity_id and m.type is not type_]:
        _reassign(ctx, m, entity_id, type_)
