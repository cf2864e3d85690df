"""Who attended the round under way, from sentences that name no round of their own.

'CIA Director William Burns joined the talks', 'Kamel represented Egypt', 'Sheikh Mohammed
hosted the talks', 'the delegation included Shin Bet director Ronen Bar and Nitzan Alon',
'Witkoff, accompanied by Jared Kushner': the persons (and the parties they represent) attend
the talks event the sentence belongs to. The verbs and what they need are in patterns.json
"attendance".
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, Predicate, Role
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.delegations import current_talks
from loaders.extract.lists import listed
from loaders.extract.phrases import resolve_pronoun
from loaders.extract.triggers import is_talks_trigger

_PARTIES = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION)
_PERSON = (EntityType.PERSON,)
_CONFIDENCE = 0.65


def _named(ctx: ArticleContext, toks: list[Token]) -> list[Mention]:
    """The persons and parties these tokens name, with their conjuncts and appositions."""
    out: list[Mention] = []
    for tok in toks:
        for t in (tok, *tok.conjuncts):
            for cand in (t, *(c for c in t.children if c.dep_ == "appos")):
                m = ctx.mention_for(cand) or resolve_pronoun(ctx, cand)
                if m is not None and m.type in _PARTIES and m not in out:
                    out.append(m)
    return out


def _subjects(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = all(c.tag_ in ("WP", "WDT") for c in subj)
    if relative and verb.dep_ == "relcl":  # 'William Burns, who represented Washington'
        subj = [verb.head]
    return subj


def _objects(verb: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    out += [
        p
        for c in verb.children
        if c.dep_ in ("prep", "agent") and c.lower_ in preps
        for p in c.children
    ]
    return out


def _names_talks(ctx: ArticleContext, toks: list[Token]) -> bool:
    return any(is_talks_trigger(ctx, t) or t.lower_ in ("them", "it") for t in toks)


def _attendees(ctx: ArticleContext, verb: Token) -> list[Mention]:
    """The attendees a verb of attendance names, by the frame of its lemma."""
    cfg = ctx.patterns["attendance"]
    lemma = verb.lemma_
    if lemma in cfg["join_verbs"]:  # X joined / attended / hosted the talks
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and _names_talks(ctx, passive):  # 'the talks were attended by X'
            return [m for m in _named(ctx, _objects(verb, ("by",))) if m.type in _PARTIES]
        objs = _objects(verb, ("in",))
        return _named(ctx, _subjects(verb)) if _names_talks(ctx, objs) else []
    if lemma in cfg["represent_verbs"]:  # X represented Y: both sit at the table
        people = [m for m in _named(ctx, _subjects(verb)) if m.type is EntityType.PERSON]
        return people + _named(ctx, _objects(verb)) if people else []
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    made_up = bool(particles & set(cfg["member_phrasal"].get(lemma, ())))
    if lemma in cfg["member_verbs"] or made_up:  # the delegation included X / was made up of
        named = [m for m in _named(ctx, _objects(verb, ("of",))) if m.type is EntityType.PERSON]
        return _and_the_rest(ctx, named, verb, _PERSON)
    if lemma in cfg["travel_verbs"] and _names_talks(ctx, _objects(verb, ("for",))):
        return _named(ctx, _subjects(verb))  # 'Burns flew in for the session'
    if lemma in cfg["company_verbs"] and verb.tag_ == "VBN":  # X, accompanied by Y
        return [m for m in _named(ctx, _objects(verb, ("by",))) if m.type is EntityType.PERSON]
    return []


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _present(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """'with the participation of X, Y and Z', 'in the presence of X': the persons named."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    named = [m for m in _named(ctx, [p for c in of for p in c.children]) if m.type in _PARTIES]
    return _and_the_rest(ctx, named, of[0], _PARTIES) if of else []


def _and_the_rest(
    ctx: ArticleContext, named: list[Mention], start: Token, types: tuple[EntityType, ...]
) -> list[Mention]:
    """The names the parse found, and the rest of the list they begin, read along the words."""
    if not named:
        return []
    rest = listed(ctx, start, ctx.sents[ctx.sent_of[start.i]], types)
    return named + [m for m in rest if m not in named]


def collect_attendance(ctx: ArticleContext) -> None:
    """ATTENDED edges to the round under way from the verbs of attendance of each sentence."""
    talks_sents = ctx.talks_sents
    verbs: set[str] = set()
    cfg = ctx.patterns["attendance"]
    for key in ("join_verbs", "represent_verbs", "member_verbs", "company_verbs", "travel_verbs"):
        verbs |= set(cfg[key])
    verbs |= set(cfg["member_phrasal"])
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        talks = talks_sents.get(sent) or current_talks(ctx, sent, talks_sents)
        if talks is None:
            continue
        for verb in span:
            if verb.pos_ == "NOUN" and verb.lower_ in cfg["presence_nouns"]:
                found = _present(ctx, verb)
            elif (
                verb.pos_ != "VERB"
                or verb.lemma_ not in verbs
                or any(c.dep_ == "neg" for c in verb.children)
            ):
                continue
            else:
                found = _attendees(ctx, verb)
            for m in found:
                ctx.events[talks].participants.setdefault((m.entity_id, Role.ATTENDEE), sent)
                ctx.relate(
                    m.entity_id, Predicate.ATTENDED, talks, sent, _CONFIDENCE, obj_is_event=True
                )
