"""Persons named by their office: 'the Qatari premier said', 'Israel's spy chief flew in'.

A definite description (a determiner or a possessor, an office from patterns.json "titles", an
optional country or body: 'the Egyptian intelligence chief', 'Qatar's prime minister') with no
name beside it names the one person of the article who holds that office for that country or
body. The person must be named elsewhere in the article, and be the only one who fits: the
office is read from the person's titles and roles (dictionary and article), the country or
body from what the person leads or belongs to. The description becomes a mention of that
person on its head noun, so the steps after this one see a speaker, an attendee or a visitor
where the text only gave an office.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, Predicate
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.phrases import COREF_WINDOW, WORD

_OFFICE_DEPS = ("compound", "amod")
_ANCHOR_TYPES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
DESCRIPTION_CONFIDENCE = 0.7


def collect_descriptions(ctx: ArticleContext) -> None:
    """Mentions of persons for the offices that stand for them."""
    for sent, tok in ctx.body_tokens():
        found = _description(ctx, tok)
        if found is None:
            continue
        office, anchor = found
        person = _holder(ctx, office, anchor) or _recent_holder(ctx, tok)
        if person is None:
            continue
        start = min(t.i for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
        text = ctx.doc[start : tok.i + 1].text
        mention = Mention(
            person, EntityType.PERSON, text, tok.i, tok.i + 1, sent, DESCRIPTION_CONFIDENCE
        )
        ctx.refer(mention)


def _description(ctx: ArticleContext, tok: Token) -> tuple[str, str | None] | None:
    """(office, the country or body it is held for) of a definite description on `tok`."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ in ("NNS", "NNPS"):
        return None
    if ctx.mention_for(tok) is not None or _names_beside(ctx, tok):
        return None
    titles = ctx.patterns["titles"]
    # 'president-elect' ends on 'elect': an office's last word after its last hyphen
    offices = {
        t for t in titles["leader"] + titles["member"] if t.split()[-1].split("-")[-1] == tok.lower_
    }
    if not offices:
        return None
    mods = [
        c
        for c in tok.lefts
        if (c.dep_ in _OFFICE_DEPS and ctx.mention_for(c) is None)
        or (c.text == "-" and c.i == tok.i - 1)
    ]
    words = " ".join([*(c.lower_ for c in mods), tok.lower_]).replace(" - ", "-")
    office = next((o for o in sorted(offices, key=len, reverse=True) if words.endswith(o)), None)
    if office is None or set(titles["member_qualifiers"]) & {c.lower_ for c in tok.lefts}:
        return None
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts)
    anchors = [
        m
        for c in tok.lefts
        if c.dep_ in ("poss", *_OFFICE_DEPS)
        and (m := ctx.mention_for(c)) is not None
        and m.type in _ANCHOR_TYPES
    ]
    if not definite and not any(c.dep_ == "poss" for c in tok.lefts if ctx.mention_for(c)):
        return None
    # 'the prime minister of Qatar'
    anchors += [
        m
        for c in tok.rights
        if c.lower_ == "of"
        for p in c.children
        if (m := ctx.mention_for(p)) is not None and m.type in _ANCHOR_TYPES
    ]
    return words, anchors[-1].entity_id if anchors else None


def _names_beside(ctx: ArticleContext, tok: Token) -> bool:
    """A person's name next to the office ('the prime minister, Benjamin Netanyahu')."""
    near = [*tok.children, tok.head]
    if tok.i + 1 < len(ctx.doc):
        near.append(ctx.doc[tok.i + 1])
    return any((m := ctx.mention_for(t)) is not None and m.type is EntityType.PERSON for t in near)


def _holder(ctx: ArticleContext, office: str, anchor: str | None) -> str | None:
    """The one person of the article who holds `office` (for `anchor`, when given): the whole
    office first ('spy chief'), then, for a country or body named, its head word ('chief')."""
    persons = [d.id for d in ctx.entities.values() if d.type is EntityType.PERSON]
    if anchor is not None:
        persons = [p for p in persons if anchor in _affiliations(ctx, p)]
    words = [office] if anchor is None else [office, office.split()[-1]]
    for word in dict.fromkeys(words):
        fits = [p for p in persons if _holds(ctx, p, word)]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


def _holds(ctx: ArticleContext, person: str, office: str) -> bool:
    actor = ctx.actor(person)
    held = [*(actor.titles if actor else ()), *(actor.roles if actor else ())]
    held += ctx.entities[person].roles
    synonyms = _synonyms(ctx, office)
    return any(f" {s} " in f" {h.lower()} " for h in held for s in synonyms)


def _synonyms(ctx: ArticleContext, office: str) -> set[str]:
    """The office and the words that name it too ('premier', 'prime minister')."""
    for group in ctx.patterns["coreference"]["same_office"]:
        if office in group or office.split()[-1] in group:
            return {office, *group}
    return {office}


def _affiliations(ctx: ArticleContext, person: str) -> set[str]:
    """What a person leads or belongs to, and the countries of those bodies."""
    actor = ctx.actor(person)
    bodies = set(actor.leads + actor.member_of) if actor else set()
    bodies |= {
        r.obj
        for r in ctx.relations
        if r.subject == person and r.obj and r.predicate in (Predicate.LEADS, Predicate.MEMBER_OF)
    }
    countries = {b.country for b in map(ctx.actor, bodies) if b is not None and b.country}
    return bodies | countries


def _recent_holder(ctx: ArticleContext, tok: Token) -> str | None:
    """The person a definite title refers back to when the article has several holders: 'the
    American envoy' after 'envoy Steve Witkoff'. The title's words must all be in a role the
    article or the dictionary gives a person named in the last few sentences, and only one
    person may fit."""
    if tok.pos_ != "NOUN" or ctx.mention_for(tok) is not None:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    # a nationality qualifies the title ('the American envoy', 'the Qatari premier')
    mods = [c for c in mods if not (m := ctx.mention_for(c)) or m.type is not EntityType.COUNTRY]
    words = {t.lower_ for t in (*mods, tok)}
    titles = set(ctx.patterns["titles"]["leader"]) | set(ctx.patterns["titles"]["member"])
    if not any(tok.lower_ == t.split()[-1] for t in titles):
        return None
    first_sent = ctx.sent_of[tok.i] - COREF_WINDOW
    fits: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.type is not EntityType.PERSON or m.start >= tok.i or m.sent < first_sent:
            continue
        draft = ctx.entities.get(m.entity_id)
        actor = ctx.actor(m.entity_id)
        roles = [*(draft.roles if draft else ()), *(actor.titles if actor else ())]
        roles += list(actor.roles) if actor else []
        if any(words <= set(WORD.findall(r.lower())) for r in roles):
            fits[m.entity_id] = m
    return next(iter(fits)) if len(fits) == 1 else None
