"""Demands put in other words: ultimatums, needs stressed, and pressure towards an end.

- An ultimatum states a demand as a negated condition with a threat: 'Trump warned that if the
  hostages were not released by Saturday, the truce would end', 'if Hamas does not return the
  hostages by noon, the ceasefire will end, Netanyahu said'. The speaker DEMANDED the
  condition without its negation ('the hostages released by Saturday').
- A need stressed is one: 'Sisi stressed the need to begin implementing the ceasefire and to
  ensure the entry of aid' gives two demands; 'the need for a ceasefire' one.
- Pressure towards an end is one: 'pressed the government into a deal', 'blocked aid to
  pressure Hamas to accept an extension'.

Word lists are in patterns.json "appeals".
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.models import Predicate
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.objects import relate_text
from loaders.extract.phrases import phrase_text, subject_party, words_text
from loaders.nlp import lexicon_words

_DROPPED_IN_CONDITION = frozenset({"neg", "mark", "punct"})


def collect_appeals(ctx: ArticleContext) -> None:
    """DEMANDED edges from ultimatums, needs stressed and pressure, sentence by sentence."""
    for sent, span in enumerate(ctx.sents):
        if sent in ctx.headlines:
            continue
        for tok in span:
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ == "advcl":
                _ultimatum(ctx, tok, sent)
            if tok.pos_ == "NOUN" and tok.lemma_ in lexicon_words("appeals", "need_nouns"):
                _need(ctx, tok, sent)
            if tok.pos_ == "VERB" and tok.lemma_ in lexicon_words("appeals", "pressure_verbs"):
                _pressure(ctx, tok, sent)


def _ultimatum(ctx: ArticleContext, cond: Token, sent: int) -> None:
    """'if the hostages are not returned by Saturday, [threat]': the speaker wants them back."""
    marks = {c.lower_ for c in cond.children if c.dep_ == "mark"}
    negated = any(c.dep_ == "neg" for c in cond.children)
    if not (negated and marks & lexicon_words("appeals", "condition_marks")) and not (
        not negated and marks & lexicon_words("appeals", "negative_marks")
    ):
        return
    threat = cond.head
    if not any(c.lower_ in lexicon_words("appeals", "threat_aux") for c in threat.children):
        return  # 'if X did not come, it was because ...': an explanation, not a threat
    speaker = _speaker(ctx, threat)
    if speaker is None:
        return
    words = [
        t
        for c in cond.children
        if c.dep_ not in _DROPPED_IN_CONDITION and not _is_do(c) and not _is_condition(c)
        for t in c.subtree
        if t.dep_ not in ("neg", "punct")
    ]
    text = words_text(sorted({cond, *words}, key=lambda t: t.i))
    relate_text(ctx, speaker, Predicate.DEMANDED, cond, text, sent)


def _is_condition(tok: Token) -> bool:
    marks = lexicon_words("appeals", "condition_marks") | lexicon_words("appeals", "negative_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def _is_do(tok: Token) -> bool:
    return tok.dep_ == "aux" and tok.lemma_ == "do"


def _speaker(ctx: ArticleContext, threat: Token) -> Mention | None:
    """Who issues the threat: the one who says or warns it, else the threat's own subject."""
    speech = lexicon_words("appeals", "warning_verbs") | set(ctx.patterns["talks"]["speech_verbs"])
    head = threat.head
    if threat.dep_ == "ccomp" and head.lemma_ in speech:
        return subject_party(ctx, head)
    for c in threat.children:
        if c.dep_ in ("ccomp", "parataxis") and c.lemma_ in speech and c.i > threat.i:
            return subject_party(ctx, c)  # '..., the ceasefire will end, Netanyahu said'
    if threat.dep_ == "ROOT":
        return subject_party(ctx, threat)  # 'he will propose to cancel the ceasefire'
    return None


def _need(ctx: ArticleContext, noun: Token, sent: int) -> None:
    """'stressed the need to begin X and to ensure Y', 'underlined the need for a truce'."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in lexicon_words("appeals", "stressing_verbs"):
        return
    who = subject_party(ctx, verb)
    if who is None:
        return
    # 'the need to begin X, ..., and to ensure Y': the parser hangs the second on the verb
    infinitives = [c for c in verb.conjuncts if _infinitive(c) and c.i > noun.i]
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            for v in (child, *child.conjuncts, *infinitives):
                relate_text(ctx, who, Predicate.DEMANDED, v, _clause(v), sent)
        elif child.dep_ == "prep" and child.lower_ == "for":
            for p in child.children:
                if p.dep_ == "pobj":
                    relate_text(ctx, who, Predicate.DEMANDED, p, phrase_text(p), sent)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )


def _clause(verb: Token) -> str:
    kept = [c for c in verb.children if c.dep_ not in ("aux", "cc", "conj", "punct")]
    toks = [t for c in kept for t in c.subtree]
    return words_text(sorted({verb, *toks}, key=lambda t: t.i))


def _pressure(ctx: ArticleContext, verb: Token, sent: int) -> None:
    """'pressed the government into a deal' ('pressed X to do Y' is a request of relations)."""
    who = subject_party(ctx, verb)
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if who is None or not objs:
        return
    target = objs[0]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in lexicon_words("appeals", "towards_preps"):
            found = {target, *target.subtree, child, *child.subtree}
            text = words_text(sorted(found, key=lambda t: t.i))
            relate_text(ctx, who, Predicate.DEMANDED, child, text, sent)
            return
