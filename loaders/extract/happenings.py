"""Killings: victims and perpetrators."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import EntityType, EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, EventDraft, Mention
from loaders.extract.lists import listed
from loaders.extract.phrases import resolve_pronoun
from loaders.extract.syntax import clause_dates, event_date
from loaders.nlp import lexicon_words


def _mention_below(ctx: ArticleContext, tok: Token) -> Mention | None:
    """The mention a token heads or belongs to ('the Hamas leader Ismail Haniyeh' -> Haniyeh).

    A pronoun is resolved ('he was killed'); a group noun takes the party that modifies it
    ('Hamas terrorists', 'an Israeli strike').
    """
    m = ctx.mention_for(tok)
    if m is None and tok.pos_ == "PRON":
        m = resolve_pronoun(ctx, tok)
    if m is not None and m.type is EntityType.PERSON:
        return m
    for child in tok.children:
        named = ctx.mention_for(child) if child.dep_ == "appos" else None
        if named is not None and named.type is EntityType.PERSON:
            return named
    if m is None and tok.pos_ == "NOUN":
        for child in tok.children:
            party = ctx.mention_for(child) if child.dep_ in ("compound", "amod", "poss") else None
            if party is not None and party.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                return party
    return m


def _means_perpetrator(ctx: ArticleContext, trigger: Token) -> Mention | None:
    """Who struck, from the means of a killing: 'killed in an Israeli strike', 'in a raid by X'."""
    attacks = set(ctx.patterns["events"]["attack"]["nouns"])
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
            continue
        for noun in prep.children:
            if noun.lower_ not in attacks and noun.lemma_ not in attacks:
                continue
            by = [p for c in noun.children if c.lower_ == "by" for p in c.children]
            for tok in [noun, *by]:
                found = _mention_below(ctx, tok)
                if found is not None and found.type is not EntityType.PERSON:
                    return found
    return None


def _victim_and_perpetrator(
    ctx: ArticleContext, trigger: Token
) -> tuple[Mention | None, Mention | None]:
    victim = perpetrator = None
    if trigger.pos_ == "VERB":
        for child in trigger.children:
            m = _mention_below(ctx, child)
            if child.dep_ in ("dobj", "nsubjpass") and m is not None:
                victim = m
            elif child.dep_ == "nsubj" and m is not None:
                perpetrator = m
            elif child.dep_ == "nsubj" and child.dep_ and child.i > 0:
                mod = [ctx.mention_for(c) for c in child.children if c.dep_ in ("amod", "compound")]
                perpetrator = next((x for x in mod if x is not None), None)
            elif child.dep_ == "agent":
                for pobj in child.children:
                    perpetrator = _mention_below(ctx, pobj) or perpetrator
            elif child.dep_ == "nsubjpass" and child.lower_ in ("who", "whom"):
                victim = _mention_below(ctx, trigger.head)
        if victim is None and trigger.dep_ == "relcl":
            victim = _mention_below(ctx, trigger.head)
        if perpetrator is None:
            perpetrator = _means_perpetrator(ctx, trigger)
    else:
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    victim = _mention_below(ctx, pobj) or victim
            elif child.dep_ == "poss" and victim is None:  # "Sinwar's death", not 'his'
                victim = ctx.mention_for(child)
    if victim is not None and victim.type is not EntityType.PERSON:
        victim = None
    return victim, perpetrator


def collect_killings(ctx: ArticleContext) -> None:
    """A killing event per person killed, id'd by the victim so articles agree."""
    cfg = ctx.patterns["events"]["killing"]
    for sent, span in enumerate(ctx.sents):
        for tok in span:
            is_verb = tok.pos_ == "VERB" and tok.lemma_ in cfg["verbs"]
            is_noun = tok.pos_ == "NOUN" and tok.lemma_ in cfg["nouns"]
            if not (is_verb or is_noun):
                continue
            if is_verb and _unrealised(tok):
                continue  # 'failed to assassinate X', 'came close to killing X': X lives
            victim, perpetrator = _victim_and_perpetrator(ctx, tok)
            victims = _victims(ctx, tok, victim) if is_verb else [victim] if victim else []
            for one in victims:
                _record(ctx, sent, tok, one, perpetrator, is_verb)
    own_killings(ctx)


def _unrealised(verb: Token) -> bool:
    """A killing tried, not done: after a verb of trying or failing, or 'came close to'."""
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_ in lexicon_words(
        "grammar", "attempt_verbs"
    ):
        return True
    near = [a for a in verb.ancestors if a.lower_ == "close"][:1]
    return bool(near) and near[0].head.lemma_ == "come"


def _victims(ctx: ArticleContext, trigger: Token, victim: Mention | None) -> list[Mention]:
    """Every person killed: the one named, those a count stands for ('eliminated the three'),
    and the list after 'among them' or 'including' ('five were killed, among them X and Y')."""
    out = [victim] if victim is not None else []
    if victim is not None:
        out += [
            m
            for m in ctx.mentions
            if m.type is EntityType.PERSON and m.start == victim.start and m not in out
        ]
    below = set(trigger.subtree)
    for c in below:
        if c.dep_ == "prep" and c.lower_ in lexicon_words("events", "victim_list_preps"):
            sent = ctx.sents[ctx.sent_of[c.i]]
            out += [m for m in listed(ctx, c, sent, (EntityType.PERSON,)) if m not in out]
    return out


_STRIKE_BACK = 3  # sentences back where a killing finds the attack that caused it


def _strike(ctx: ArticleContext, sent: int) -> tuple[EventDraft, str] | None:
    """The attack told in this sentence or the few before, and the side that struck."""
    kinds = (EventKind.ATTACK, EventKind.MILITARY_OPERATION)
    for d in sorted(ctx.events.values(), key=lambda d: max([d.sent, *d.sents]), reverse=True):
        if d.kind not in kinds or not any(sent - _STRIKE_BACK <= s <= sent for s in d.sents):
            continue
        for (entity, role), _ in d.participants.items():
            if role is Role.PERPETRATOR:
                return d, entity
    return None


def strike_killings(ctx: ArticleContext) -> None:
    """Killings told without a killer ('five of its members were killed') take the side that
    struck in the attack told with them, in the same sentence or the few before; an undated
    one is a death in that attack, whose target the victim becomes."""
    for key, d in list(ctx.events.items()):
        if d.kind is not EventKind.KILLING or d.anchor is None:
            continue
        if any(r is Role.PERPETRATOR for _, r in d.participants):
            continue
        sent = ctx.sent_of[min(d.triggers)]
        found = _strike(ctx, sent)
        if found is None or found[1] == d.anchor:
            continue
        attack, striker = found
        ctx.relate(striker, Predicate.KILLED, d.anchor, sent, 0.5)
        if d.date is None:
            attack.participants.setdefault((d.anchor, Role.TARGET), sent)
            del ctx.events[key]
        else:
            d.participants.setdefault((striker, Role.PERPETRATOR), sent)


def _record(
    ctx: ArticleContext,
    sent: int,
    tok: Token,
    victim: Mention,
    perpetrator: Mention | None,
    is_verb: bool,
) -> None:
    key = f"killing|{victim.entity_id}"
    draft = ctx.events.get(key)
    if draft is None:
        name = ctx.entities[victim.entity_id].name
        draft = EventDraft(
            key, EventKind.KILLING, f"Killing of {name}", sent, 0.75, anchor=victim.entity_id
        )
        ctx.events[key] = draft
    draft.sents.append(sent)
    draft.triggers.append(tok.i)
    draft.participants.setdefault((victim.entity_id, Role.VICTIM), sent)
    found = event_date(ctx, sent, tok) if is_verb else None
    dates = clause_dates(ctx, sent, tok)
    if dates:
        found = (dates[0].date, dates[0].precision, 0.8)
    if found and (draft.date is None or found[2] > draft.date_confidence):
        draft.date, draft.precision, draft.date_confidence = found
    place = _place_in(ctx, tok)
    if place and draft.place is None:
        draft.place = place
    if perpetrator is not None and perpetrator.type is not EntityType.PLACE:
        if perpetrator.entity_id == victim.entity_id:
            return
        draft.participants.setdefault((perpetrator.entity_id, Role.PERPETRATOR), sent)
        ctx.relate(
            perpetrator.entity_id,
            Predicate.KILLED,
            victim.entity_id,
            sent,
            min(perpetrator.confidence, victim.confidence) * 0.9,
        )


def _owner(ctx: ArticleContext, sent: int, after: int) -> Mention | None:
    """The party that owns up to a killing just told: 'X was assassinated in July; Israel had
    done it', 'Israel was behind it', 'Hamas claimed responsibility'."""
    frames: dict[str, list[str]] = ctx.patterns["events"]["killing"]["owning_up"]
    for tok in ctx.sents[sent]:
        words = frames.get(tok.lemma_)
        if tok.i <= after or tok.pos_ not in ("VERB", "AUX") or not words:
            continue
        below = {c.lower_ for c in tok.children} | {
            p.lower_ for c in tok.children if c.dep_ == "prep" for p in c.children
        }
        if not below & set(words):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            m = ctx.mention_for(subj)
            if m is not None and m.type in (EntityType.COUNTRY, EntityType.ORGANIZATION):
                return m
    return None


def own_killings(ctx: ArticleContext) -> None:
    """Killings told without a killer take the party that owns up to them in the same or the
    next sentence."""
    for d in ctx.events.values():
        if d.kind is not EventKind.KILLING or any(r is Role.PERPETRATOR for _, r in d.participants):
            continue
        victim = d.anchor
        last = max(d.triggers)
        sent = ctx.sent_of[last]
        for s in (sent, sent + 1):
            owner = _owner(ctx, s, last) if s < len(ctx.sents) else None
            if owner is not None and victim is not None and owner.entity_id != victim:
                d.participants.setdefault((owner.entity_id, Role.PERPETRATOR), s)
                ctx.relate(owner.entity_id, Predicate.KILLED, victim, s, owner.confidence * 0.7)
                break


def _place_in(ctx: ArticleContext, trigger: Token) -> str | None:
    for tok in trigger.subtree:
        m = ctx.mention_for(tok)
        if (
            m is not None
            and m.type is EntityType.PLACE
            and tok.dep_ == "pobj"
            and tok.head.lower_ in ("in", "at")
        ):
            return m.entity_id
    return None
