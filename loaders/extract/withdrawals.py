"""Withdrawals: a party calling its negotiators home, walking out of talks, pulling troops out.

A trigger is a verb of leaving from patterns.json ("withdraw", "recall", "leave") or a phrasal
verb with its particle ("pull out", "bring home", "call back", "walk out"). The party is the
verb's subject (through "decided to call back", coordination and passives) or the side a
delegation noun names ("its negotiators", "the Israeli team", "A Hamas delegation"). What it
leaves is the round of talks under way when negotiators or talks are named, else a place it
pulls out of ("out of Khan Younis").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from graph.models import EntityType, EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.delegations import current_talks, delegation_countries, delegation_entity
from loaders.extract.phrases import resolve_pronoun
from loaders.extract.syntax import clause_dates, event_date, path_deps, tense

_PARTIES = (EntityType.COUNTRY, EntityType.ORGANIZATION)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _particles(tok: Token) -> set[str]:
    """The particles, adverbs and prepositions a verb takes ('pulled out', 'brought ... home')."""
    return {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "prep", "npadvmod")}


def is_withdrawal_trigger(tok: Token, cfg: dict[str, Any]) -> bool:
    """A verb of leaving (with the particle it needs, if any), or a noun such as 'pullout'."""
    if tok.pos_ == "NOUN":
        return tok.lower_ in cfg["nouns"]
    if tok.pos_ != "VERB":
        return False
    needs: list[str] | None = cfg["phrasal"].get(tok.lemma_)
    if needs is None:
        return tok.lemma_ in cfg["verbs"]
    return bool(_particles(tok) & set(needs))


def _subjects(tok: Token) -> list[Token]:
    """The verb's subjects, inherited from the verb it complements ('decided to call back')."""
    cur = tok
    for _ in range(3):
        subj = [c for c in cur.children if c.dep_ in _SUBJECT_DEPS]
        if subj and cur.dep_ == "relcl" and subj[0].tag_ in ("WDT", "WP"):
            return [cur.head]  # 'Qatar, which pulled out of the mediation'
        if subj:
            return [t for s in subj for t in (s, *s.conjuncts)]
        controller = [c for c in cur.head.children if c.dep_ == "dobj"]
        if cur.dep_ == "xcomp" and controller:
            return controller  # 'prompted Hamas to suspend the talks': Hamas suspends them
        if cur.dep_ not in ("xcomp", "conj", "advcl") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _side_of(ctx: ArticleContext, noun: Token) -> list[Mention]:
    """The parties a delegation noun belongs to: its modifiers, possessor or 'from' object."""
    found = [m for m in delegation_countries(ctx, noun) if m.type in _PARTIES]
    for child in noun.children:
        if child.dep_ not in ("poss", "amod", "compound"):
            continue
        m = ctx.mention_for(child)
        if m is None and child.pos_ == "PRON":
            m = resolve_pronoun(ctx, child)
        if m is not None and m.type in _PARTIES and m not in found:
            found.append(m)
    return found


def _delegation_nouns(ctx: ArticleContext, tok: Token) -> list[Token]:
    nouns = set(ctx.patterns["delegation"]["nouns"])
    if tok.pos_ == "NOUN":  # 'the withdrawal of US and Israeli negotiating teams'
        near = [p for c in tok.children if c.lower_ == "of" for p in c.children]
    else:
        near = [c for c in tok.children if c.dep_ in ("dobj", *_SUBJECT_DEPS)]
        near += _subjects(tok)
    return [t for n in near for t in (n, *n.conjuncts) if t.lower_ in nouns]


def _talks_named(ctx: ArticleContext, tok: Token) -> bool:
    """Whether the verb's objects name talks or mediation ('walked out of the Doha talks')."""
    words = set(ctx.patterns["talks"]["nouns"]) | set(ctx.patterns["events"]["withdrawal"]["of"])
    return any(t.lower_ in words or t.lemma_ in words for t in tok.subtree if t.i != tok.i)


def _place_left(
    ctx: ArticleContext, tok: Token, preps: tuple[str, ...] = ("of", "from")
) -> Mention | None:
    """The place a party pulls out of or leaves: 'out of X', 'from X', 'left X'."""
    for t in tok.subtree:
        m = ctx.mention_for(t)
        if m is None or m.type not in (EntityType.PLACE, EntityType.COUNTRY):
            continue
        if (t.dep_ == "pobj" and t.head.lower_ in preps) or (
            t.dep_ == "dobj" and t.head.i == tok.i
        ):
            return m
    return None


def _pulled_back_in(ctx: ArticleContext, tok: Token) -> Mention | None:
    """Where troops pulled back stay ('pulled back to the agreed line inside Gaza'): the place
    of the withdrawal, not a place left."""
    if "back" not in _particles(tok):
        return None
    return _place_left(ctx, tok, ("inside", "in", "within"))


def _role_left(ctx: ArticleContext, tok: Token) -> Token | None:
    """The role a party gives up ('suspended its mediation', 'pulled out of the mediation'):
    a withdrawal though no round is under way."""
    if tok.lemma_ in ctx.patterns["events"]["withdrawal"]["need_talks"]:
        return None
    roles = set(ctx.patterns["events"]["withdrawal"]["of"])
    for t in tok.subtree:
        if t.i == tok.i or not (t.lower_ in roles or t.lemma_ in roles):
            continue
        path = path_deps(tok, t) or []
        if all(p.dep_ in ("dobj", "prep", "pobj") for p in path):
            return t  # 'suspended its mediation', 'pulled out of the mediation'
    return None


def _parties(ctx: ArticleContext, tok: Token) -> tuple[list[Mention], list[tuple[Mention, Token]]]:
    """The parties leaving, and the delegation nouns that stand for them."""
    parties: list[Mention] = []
    owners = [c for c in tok.children if c.dep_ == "poss"] if tok.pos_ == "NOUN" else []
    troops = set(ctx.patterns["events"]["withdrawal"]["troop_nouns"])
    for subj in owners or _subjects(tok):
        m = ctx.mention_for(subj)
        if m is None:
            m = resolve_pronoun(ctx, subj)
        if m is None and subj.lower_ in troops:  # 'Israeli troops pulled back': Israel's
            mods = [
                ctx.mention_for(c) for c in subj.children if c.dep_ in ("amod", "compound", "poss")
            ]
            m = next((x for x in mods if x is not None), None)
        if m is not None and m.type in _PARTIES and m not in parties:
            parties.append(m)
    delegations: list[tuple[Mention, Token]] = []
    for noun in _delegation_nouns(ctx, tok):
        for m in _side_of(ctx, noun) or parties[:1]:
            delegations.append((m, noun))
            if m not in parties:
                parties.append(m)
    return parties, delegations


def collect_withdrawals(ctx: ArticleContext) -> None:
    """One withdrawal event per day; WITHDREW_FROM the round under way, or the place left."""
    talks_sents = ctx.talks_sents
    cfg = ctx.patterns["events"]["withdrawal"]
    for sent, tok in ctx.body_tokens():
        if is_withdrawal_trigger(tok, cfg):
            _record(ctx, tok, sent, talks_sents)


def _record(ctx: ArticleContext, tok: Token, sent: int, talks_sents: dict[int, str]) -> None:
    parties, delegations = _parties(ctx, tok)
    if not parties or tense(tok) == "future":
        return
    if tok.pos_ == "NOUN" and not delegations:
        return  # 'a withdrawal from Gaza' is mostly a demand or a term: only negotiators count
    venue = _place_left(ctx, tok)
    troops_out = None if delegations else venue  # 'pulled its troops out of Khan Younis'
    talks: str | None = None
    if delegations or (troops_out is None and _talks_named(ctx, tok)):
        talks = talks_sents.get(sent) or current_talks(ctx, sent, talks_sents)
    inside = None if venue or talks else _pulled_back_in(ctx, tok)
    if talks is None and venue is None and inside is None and _role_left(ctx, tok) is None:
        return
    if talks is None and tok.lemma_ in ctx.patterns["events"]["withdrawal"]["need_talks"]:
        return  # 'left Cairo' is a withdrawal only when it is negotiators leaving talks
    dates = clause_dates(ctx, sent, tok)
    if not dates and tok.dep_ == "xcomp":  # 'decided on Thursday to call back'
        dates = clause_dates(ctx, sent, tok.head)
    found = (dates[0].date, dates[0].precision, 0.8) if dates else event_date(ctx, sent, tok)
    if found is None:
        return
    iso, precision, _ = found
    key = f"withdrawal|{parties[0].entity_id}|{iso}"
    draft = ctx.events.get(key)
    if draft is None:
        label = f"{ctx.entities[parties[0].entity_id].name} withdraws"
        draft = EventDraft(
            key, EventKind.WITHDRAWAL, label, sent, 0.7, iso, precision, anchor=parties[0].entity_id
        )
        ctx.events[key] = draft
    draft.sents.append(sent)
    draft.triggers.append(tok.i)
    where = venue or inside
    if where is not None:
        draft.place = draft.place or where.entity_id
    # negotiators brought home from a city leave the talks there, not the city
    target = talks if talks is not None else troops_out.entity_id if troops_out else None
    for party in parties:
        draft.participants.setdefault((party.entity_id, Role.ACTOR), sent)
        if target is not None:
            ctx.relate(
                party.entity_id,
                Predicate.WITHDREW_FROM,
                target,
                sent,
                0.75,
                obj_is_event=bool(talks),
            )
    if talks is None:
        return
    for party, noun in delegations:
        deleg = delegation_entity(ctx, party, noun, talks, sent)
        draft.participants.setdefault((deleg, Role.ACTOR), sent)
        ctx.relate(deleg, Predicate.WITHDREW_FROM, talks, sent, 0.75, obj_is_event=True)
        ctx.relate(deleg, Predicate.ATTENDED, talks, sent, 0.7, obj_is_event=True)
        ctx.events[talks].participants.setdefault((deleg, Role.ATTENDEE), sent)
