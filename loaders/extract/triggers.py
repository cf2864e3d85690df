"""Which words name a round of talks: the trigger lexicon of patterns.json "talks"."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.extract.context import ArticleContext


def _noun_phrase_matches(tok: Token, phrases: list[str]) -> bool:
    """Whether a noun ends one of the multiword phrases ('phone call' ends in 'call')."""
    for phrase in phrases:
        words = phrase.split()
        if tok.lower_ != words[-1]:
            continue  # most tokens end no phrase: compare the last word before slicing
        before = [t.lower_ for t in tok.doc[max(tok.i - len(words) + 1, 0) : tok.i]]
        if before == words[:-1]:
            return True
    return False


def _trip_purpose(verb: Token, cfg: dict[str, list[str]]) -> bool:
    """Whether a verb is what a trip was for: an infinitive after a verb of travelling."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return to and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_ in cfg["travel_verbs"]


def is_talks_trigger(ctx: ArticleContext, tok: Token) -> bool:
    """Whether a token names a round of talks or a meeting.

    A verb of the lexicon ('negotiate', 'meet'), a verb that names a meeting with the
    preposition it needs ('sat down with', 'spoke with', 'huddle with'), a noun of the lexicon
    ('talks', 'summit'), a multiword noun ('phone call'), or a noun with its preposition
    ('a call with', 'a conversation with').
    """
    cfg = ctx.patterns["talks"]
    if tok.pos_ == "VERB":
        if tok.lemma_ in cfg["verbs"]:
            return True
        if tok.lemma_ in cfg.get("visit_verbs", ()) and _trip_purpose(tok, cfg):
            return True  # 'Barnea flew in to see him'
        preps = cfg["partner_verbs"].get(tok.lemma_)
        return bool(preps) and any(c.lower_ in preps for c in tok.children if c.dep_ == "prep")
    if tok.pos_ != "NOUN":
        return False
    if _noun_phrase_matches(tok, cfg.get("not_nouns", [])):
        return False
    if tok.lower_ in cfg["nouns"] or _noun_phrase_matches(tok, cfg["noun_phrases"]):
        return True
    if tok.tag_ == "NNS" and tok.lemma_ in cfg["nouns"]:
        return True  # 'a second day of meetings', 'summits'
    preps = cfg["partner_nouns"].get(tok.lower_)
    return bool(preps) and any(c.lower_ in preps for c in tok.children if c.dep_ == "prep")
