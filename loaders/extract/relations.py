"""Relations from verbs over the parse: DEMANDED and REJECTED (free-text objects), ACCUSED."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graph.models import EventKind, Predicate, Role
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.objects import object_heads, relate_text
from loaders.extract.phrases import (
    coordinated,
    party_of,
    similar_texts,
    span_text,
    subject_parties,
    subject_party,
    words_text,
)
from loaders.nlp import lexicon_words

_PREPS_OF = {"demand": ("on", "for"), "reject": ()}


def collect_relations(ctx: ArticleContext) -> None:
    """DEMANDED, REJECTED and ACCUSED edges from verbs, nouns and evaluations of each sentence."""
    cfg = ctx.patterns["relations"]
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    evaluating = lexicon_words("stances", "evaluating_verbs")
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for tok in span:
            negated = any(c.dep_ == "neg" for c in tok.children)
            if tok.pos_ == "VERB" and negated and tok.lemma_ in cfg["refused_acceptance_verbs"]:
                _rejected(ctx, tok, sent, ("to",))  # 'will not agree to end the war'
            if tok.pos_ != "VERB" or negated:
                continue
            if tok.lemma_ in cfg["accuse_verbs"]:
                _accused(ctx, tok, sent)
            elif tok.lemma_ in cfg["demand_verbs"] or tok.lemma_ in cfg["request_verbs"]:
                _demanded(ctx, tok, sent)
            elif is_reject_verb(tok, cfg["reject_verbs"]):
                _rejected(ctx, tok, sent)
            if tok.lemma_ in speech:
                _blamed(ctx, tok, sent)
            if tok.lemma_ in evaluating:
                _branded(ctx, tok, sent)


def is_reject_verb(tok: Token, verbs: list[str]) -> bool:
    """Whether a verb rejects: 'reject', 'refuse', or a phrasal verb such as 'rule out'."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return tok.lemma_ in verbs or (particle is not None and f"{tok.lemma_} {particle}" in verbs)


def _demanded(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subjects = subject_parties(ctx, verb)
    if not subjects:
        return
    cfg = ctx.patterns["relations"]
    if verb.lemma_ in cfg["request_verbs"] or _calls_on(verb):
        for subject in subjects:
            _requested(ctx, subject, verb, sent)
        return
    subject = subjects[0]
    if verb.lemma_ in cfg["demand_verbs_need_for"]:
        if any(c.dep_ == "dobj" for c in verb.children):
            return  # 'called it a good day for Israel': a verdict, not a call for anything
        heads = object_heads(verb, ("for",), direct=False)  # 'called for X', not 'called X Y'
    else:
        heads = object_heads(verb, _PREPS_OF["demand"])
    for head, text in heads:
        relate_text(ctx, subject, Predicate.DEMANDED, head, text, sent)


def _calls_on(verb: Token) -> bool:
    """'called on X to do Y': a request, not a call for something."""
    return verb.lemma_ == "call" and any(
        c.dep_ == "prep" and c.lower_ == "on" for c in verb.children
    )


def _requested(ctx: ArticleContext, subject: Mention, verb: Token, sent: int) -> None:
    """'X asked/urged Y to do Z': X demanded 'Y do Z'."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:  # 'called on both sides to resume talks'
        objs = [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
        ]
    rest = [c for c in verb.children if c.dep_ in ("xcomp", "prep") and objs and c.i > objs[0].i]
    rest += [x for o in objs for x in o.children if x.dep_ == "xcomp"]  # 'on X to do Y'
    rest = [c for c in rest if c.lower_ != "on"]
    if not objs or not any(c.dep_ == "xcomp" for c in rest):
        return
    relate_text(ctx, subject, Predicate.DEMANDED, verb, span_text(objs[0], rest), sent)


def _rejected(
    ctx: ArticleContext, verb: Token, sent: int, preps: tuple[str, ...] = _PREPS_OF["reject"]
) -> None:
    subject = subject_party(ctx, verb)
    if subject is None:
        return
    if verb.lemma_ in ctx.patterns["relations"]["reject_verbs_with_to"]:
        # 'objected to Washington talking to Hamas': the whole of what is objected to
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to":
                for p in c.children:
                    toks = list(p.subtree)
                    # the parser hangs 'talking ...' on the verb: it is the object's doing
                    toks += [
                        t
                        for v in verb.children
                        if v.tag_ == "VBG" and v.left_edge.i == p.right_edge.i + 1
                        for t in v.subtree
                    ]
                    text = words_text(sorted(toks, key=lambda t: t.i))
                    relate_text(ctx, subject, Predicate.REJECTED, p, text, sent)
        return
    for head, text in object_heads(verb, preps):
        relate_text(ctx, subject, Predicate.REJECTED, head, text, sent)


def _accused(ctx: ArticleContext, verb: Token, sent: int) -> None:
    subject = subject_party(ctx, verb)
    if subject is None:
        return
    accusers = [subject]
    for c in verb.children:  # 'Hamas and Iran blamed Israel'
        if c.dep_ == "nsubj":
            accusers += [m for t in c.conjuncts if (m := party_of(ctx, t)) and m not in accusers]
    targets: list[Token] = []
    for child in verb.children:
        if child.dep_ == "dobj":
            targets += coordinated(child)
        elif child.dep_ == "ccomp":  # 'charged that the American envoy was misrepresenting'
            targets += [t for c in child.children if c.dep_ == "nsubj" for t in coordinated(c)]
    for target in targets:
        m = party_of(ctx, target)
        for who in accusers:
            _accuse(ctx, who, m, sent, 0.8)


def _blames(ctx: ArticleContext, toks: Iterable[Token]) -> bool:
    """Whether some words hold a word of blame (patterns.json relations.blame_words)."""
    words = set(ctx.patterns["relations"]["blame_words"])
    return any(t.lemma_ in words or t.lower_ in words for t in toks)


def _accuse(
    ctx: ArticleContext, who: Mention, target: Mention | None, sent: int, weight: float
) -> None:
    """An ACCUSED edge from `who` to `target`, never to itself; `weight` scales confidence."""
    if target is not None and target.entity_id != who.entity_id:
        confidence = min(who.confidence, target.confidence) * weight
        ctx.relate(who.entity_id, Predicate.ACCUSED, target.entity_id, sent, confidence)


def _blamed(ctx: ArticleContext, verb: Token, sent: int) -> None:
    """'Abu Zuhri said Israel was thwarting the mediators', 'Hamdan said Blinken is part of the
    problem': a speaker who says a party does harm accuses it."""
    speaker = subject_party(ctx, verb)
    if speaker is None:
        return
    for content in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
        if _blames(ctx, content.subtree):
            for subj in (c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")):
                _accuse(ctx, speaker, party_of(ctx, subj), sent, 0.7)


def _branded(ctx: ArticleContext, verb: Token, sent: int) -> None:
    """'Al-Ansari called it a flagrant violation of international law': a speaker who brands an
    act with a word of blame accuses whoever did it (the party named, or for a pronoun the one
    who carried out the attack just told)."""
    speaker = subject_party(ctx, verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    complement = [t for c in verb.children if c.dep_ in ("oprd", "xcomp") for t in c.subtree]
    if speaker is None or not objects or not _blames(ctx, complement):
        return
    named = objects[0].pos_ != "PRON"
    target = party_of(ctx, objects[0]) if named else _doer_of_last_act(ctx, sent)
    _accuse(ctx, speaker, target, sent, 0.6)


def _doer_of_last_act(ctx: ArticleContext, sent: int) -> Mention | None:
    """Who carried out the attack, operation or killing told last, up to this sentence."""
    acts = (EventKind.ATTACK, EventKind.MILITARY_OPERATION, EventKind.KILLING)
    doers = [
        (s, entity)
        for d in ctx.events.values()
        if d.kind in acts
        for (entity, role), s in d.participants.items()
        if role in (Role.PERPETRATOR, Role.ACTOR) and s <= sent
    ]
    if not doers:
        return None
    _, entity = max(doers)
    return next((m for m in ctx.mentions if m.entity_id == entity), None)


def merge_similar_objects(ctx: ArticleContext) -> None:
    """One free-text relation per actor, predicate and demand: near-duplicate texts merge."""
    kept: list[int] = []
    for i, r in enumerate(ctx.relations):
        if r.text is None:
            kept.append(i)
            continue
        same = next(
            (
                n
                for n, j in enumerate(kept)
                if ctx.relations[j].text is not None
                and ctx.relations[j].subject == r.subject
                and ctx.relations[j].predicate is r.predicate
                and similar_texts(ctx.relations[j].text or "", r.text)
            ),
            None,
        )
        if same is None:
            kept.append(i)
        elif len(r.text) > len(ctx.relations[kept[same]].text or ""):
            kept[same] = i  # the fuller statement of the same demand wins
    ctx.relations = [ctx.relations[i] for i in kept]
