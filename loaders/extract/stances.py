"""Relations stated by nouns and evaluations: 'X's demand for Y', 'accusations ... against X by Y',
'has no intention of Y', 'Y is seen by X as unacceptable', 'any deal must include Y, X said'."""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import Predicate
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.objects import clause_objects, object_heads, relate_text
from loaders.extract.phrases import (
    clause_text,
    coordinated,
    party_of,
    phrase_text,
    subject_party,
)
from loaders.nlp import lexicon_words

_OWNER_PREPS = ("by", "from")


def collect_stances(ctx: ArticleContext) -> None:
    """Demands, accusations and rejections expressed by nouns, adjectives and deal conditions."""
    cfg = ctx.patterns["relations"]
    speech = set(ctx.patterns["talks"]["speech_verbs"])
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for tok in span:
            if tok.pos_ == "NOUN" and tok.lower_ in cfg["demand_nouns"]:
                for who, head, text in _noun_demands(ctx, tok):
                    relate_text(ctx, who, Predicate.DEMANDED, head, text, sent)
            elif tok.pos_ == "NOUN" and tok.lower_ in cfg["accuse_nouns"]:
                _accusation_noun(ctx, tok, sent)
            elif tok.pos_ == "NOUN" and tok.lemma_ in cfg["refusal_nouns"]:
                refuser = _refuser(ctx, tok)
                if refuser is not None:
                    for head, text in object_heads(tok, ("of", "to")):
                        relate_text(ctx, refuser, Predicate.REJECTED, head, text, sent)
            elif tok.pos_ == "ADJ" and tok.lower_ in cfg["reject_adjectives"]:
                found = _evaluation(ctx, tok, speech)
                if found is not None:
                    who, head = found
                    relate_text(ctx, who, Predicate.REJECTED, head, phrase_text(head), sent)
            elif tok.pos_ == "VERB" and _holds_out(tok):
                _conditions(ctx, tok, speech, sent)
            elif tok.lemma_ in lexicon_words("stances", "must_verbs") and _is_deal_condition(tok):
                speaker = _speaker(ctx, tok, speech)
                if speaker is not None:
                    for c in _dobjs(tok):
                        relate_text(ctx, speaker, Predicate.DEMANDED, c, phrase_text(c), sent)


def _condition_clauses(verb: Token) -> list[Token]:
    """Clauses of 'until' or 'before' below a verb ('will not stop until Hamas hands over ...')."""
    marks = lexicon_words("stances", "condition_marks")
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
    ]


def _holds_out(verb: Token) -> bool:
    """Whether a verb holds something back until a condition is met: negated ('will not send
    negotiators until ...', 'will not return before ...') or a verb of holding back ('delays
    the release until ...', 'will press on until ...')."""
    if not _condition_clauses(verb):
        return False
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated or verb.lemma_ in lexicon_words("stances", "holding_verbs")


def _conditions(ctx: ArticleContext, verb: Token, speech: set[str], sent: int) -> None:
    """'X said Israel would not stop firing until Hamas handed over the names': X demanded that
    Hamas hand them over. The speaker states the condition; else the verb's subject."""
    who = _speaker(ctx, verb, speech) or subject_party(ctx, verb)
    if who is None:
        return
    for clause in _condition_clauses(verb):
        for c in [clause, *clause.conjuncts]:
            relate_text(ctx, who, Predicate.DEMANDED, c, clause_text(c), sent)


def _dobjs(verb: Token) -> list[Token]:
    return [c for d in verb.children if d.dep_ == "dobj" for c in coordinated(d)]


def _is_deal_condition(verb: Token) -> bool:
    """'Any deal must include ...': a condition put on a deal."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    must = any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children)
    return must and bool(subj) and subj[0].lemma_ in lexicon_words("stances", "deal_nouns")


def _speaker(ctx: ArticleContext, verb: Token, speech: set[str]) -> Mention | None:
    """Who states a clause: the subject of the speech verb it depends on ('..., X said')."""
    cur = verb
    for _ in range(2):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_ in speech:
            return subject_party(ctx, cur.head)
        cur = cur.head
    for child in verb.children:  # the parser sometimes hangs '..., X said' below the clause
        clause = child.dep_ in ("ccomp", "parataxis", "advcl")
        if clause and child.lemma_ in speech and child.i > verb.i:
            return subject_party(ctx, child)
    return None


def demand_owner(ctx: ArticleContext, noun: Token) -> Mention | None:
    """Whose demand a noun is: its possessor, 'by/from X', the verb's subject, else the one party
    that is a subject in the sentence."""
    for child in noun.children:
        if child.dep_ == "poss":
            return party_of(ctx, child)
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for pobj in child.children:
                m = party_of(ctx, pobj)
                if m is not None:
                    return m
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return subject_party(ctx, noun.head)
    span = ctx.sents[ctx.sent_of[noun.i]]
    inside = set(t.i for t in noun.subtree)
    subjects: dict[str, Mention] = {}
    for tok in span:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in inside and tok.pos_ != "PRON":
            m = party_of(ctx, tok)
            if m is not None:
                subjects[m.entity_id] = m
    return next(iter(subjects.values())) if len(subjects) == 1 else None


def _noun_demands(ctx: ArticleContext, noun: Token) -> list[tuple[Mention, Token, str]]:
    """(owner, head, text) of each thing a demand noun asks for."""
    heads: list[tuple[Token, str]] = []
    for child in noun.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and noun.lemma_ in lexicon_words("stances", "asking_nouns")
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    heads += [(c, phrase_text(c)) for c in coordinated(pobj)]
                elif pobj.dep_ == "pcomp":
                    heads += clause_objects(pobj)
        elif child.dep_ == "acl" and child.pos_ == "VERB" and child.tag_ == "VB":
            objs = _dobjs(child)
            heads += [(c, phrase_text(c)) for c in objs] or [(child, clause_text(child))]
        elif child.dep_ == "appos":
            heads += [(c, phrase_text(c)) for c in coordinated(child)]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for child in noun.head.children:
            if child.dep_ == "ccomp":
                heads += clause_objects(child)
            elif child.dep_ == "attr":
                heads += [(c, phrase_text(c)) for c in coordinated(child)]
    if not heads:
        return []
    owner = demand_owner(ctx, noun)
    if owner is None:
        return []
    return [(owner, head, text) for head, text in heads if text]


def _accusation_noun(ctx: ArticleContext, noun: Token, sent: int) -> None:
    """'accusations of bad faith leveled against X by Y', 'Y's accusations against X'."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    accuser: Mention | None = None
    targets: list[Mention] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "poss":
                accuser = party_of(ctx, child) or accuser
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for pobj in child.children:
                    accuser = party_of(ctx, pobj) or accuser
            elif child.dep_ == "prep" and child.lower_ == "against":
                for pobj in child.children:
                    targets += [m for m in map(lambda t: party_of(ctx, t), coordinated(pobj)) if m]
    if accuser is None:
        return
    for target in targets:
        if target.entity_id != accuser.entity_id:
            ctx.relate(
                accuser.entity_id,
                Predicate.ACCUSED,
                target.entity_id,
                sent,
                min(accuser.confidence, target.confidence) * 0.7,
            )


def _refuser(ctx: ArticleContext, noun: Token) -> Mention | None:
    """The subject of 'has no intention of ...' (the noun must be negated)."""
    negated = any(c.lower_ in ("no", "little") for c in noun.children if c.dep_ == "det")
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ != "have":
        return None
    negated = negated or any(c.dep_ == "neg" for c in verb.children)
    return subject_party(ctx, verb) if negated else None


def _evaluation(ctx: ArticleContext, adj: Token, speech: set[str]) -> tuple[Mention, Token] | None:
    """'Y are seen by X as unacceptable' / 'X views Y as excessive' / 'X said Y is unacceptable'."""
    top = adj
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ in ("amod", "pobj", "acomp", "oprd") and top.head.dep_ == "prep":
        prep = top.head
        top = prep if prep.lower_ == "as" else top
    if top.lower_ == "as" and top.head.lemma_ in lexicon_words("stances", "evaluating_verbs"):
        verb = top.head
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        if passive and agents:
            who = party_of(ctx, agents[0])
            return (who, passive[0]) if who else None
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        who = subject_party(ctx, verb)
        return (who, objs[0]) if who and objs else None
    if top.dep_ == "acomp" and top.head.lemma_ == "be":
        subj = [c for c in top.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        who = _speaker(ctx, top.head, speech)
        return (who, subj[0]) if who and subj else None
    return None
