"""The recogniser's name spans made into clean name candidates, dropping what is not a name.

Spans are cut at a line break, stripped of articles, quotes, sentence-initial prepositions and
honorifics ('H.E.', 'Rear Adm.'); a fragment that runs into a dictionary name ('the Arab Republic
of' + Egypt, 'Recep Tayyip' + Erdogan) joins it; a name followed by its head noun ('Ofer military
prison') takes it. Site furniture ('our Cookie Policy'), bare portfolios ('Defence' of 'Defence
Minister'), bare head nouns ('the Council') and common nouns at a sentence start are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from graph.models import EntityType
from loaders.extract.context import ArticleContext
from loaders.gazetteer import fold, load_gazetteer
from loaders.nlp import TypeWords, load_type_words
from loaders.resolve import canonical_id, clean_name

# 'Republic of X', 'Arab Republic of X', 'Hashemite Kingdom of X': the state form of a name.
STATE_FORM = re.compile(
    r"^(?:[A-Z][\w'\u2019-]*\s+){0,2}"
    r"(?:Republic|Kingdom|State|Federation|Emirate|Sultanate|Principality|Commonwealth)"
    r"\s+of\s+(?:the\s+)?(?P<name>.+)$"
)
_LEAD_POS = {"DET", "ADP", "ADV", "SCONJ", "CCONJ", "PRON", "PUNCT", "SPACE"}
_TAIL_POS = {"DET", "ADP", "CCONJ", "PART", "PUNCT", "SPACE"}
_JOINERS = {"of", "for", "the"}


@dataclass
class Candidate:
    """A name span to become a mention: a dictionary actor or a recogniser label."""

    start: int
    end: int
    label: str
    sent: int
    actor_id: str | None = None
    bare: str | None = None  # the name without the head noun it was extended by

    def text(self, doc: Doc) -> str:
        """The cleaned name."""
        return clean_name(doc[self.start : self.end].text)


def _norm(text: str) -> str:
    return text.lower().rstrip(".")


def _honorific_end(doc: Doc, start: int, end: int, words: TypeWords) -> int:
    """The first token after any honorifics at the start of a span."""
    i = start
    while i < end:
        for n in (3, 2, 1):
            phrase = " ".join(_norm(t.text) for t in doc[i : min(i + n, end)])
            if i + n <= end and phrase in words.honorifics:
                i += n
                break
        else:
            return i
    return i


def _title_of_end(ctx: ArticleContext, start: int, end: int) -> int:
    """After 'Official Spokesperson of the', the start of the organisation it names."""
    titles = {t for kind in ctx.patterns["titles"].values() for t in kind if " " not in t}
    for i in range(start, end - 1):
        if ctx.doc[i].lower_ in titles and ctx.doc[i + 1].lower_ in ("of", "for"):
            j = i + 2
            return j + 1 if j < end and ctx.doc[j].lower_ == "the" else j
    return start


def clean_span(ctx: ArticleContext, ent: Span, words: TypeWords) -> tuple[int, int] | None:
    """The part of a recogniser span that can be a name, or None."""
    doc = ctx.doc
    start, end = ent.start, ent.end
    for k in range(start, end):
        if doc[k].is_space or (k < end - 1 and "\n" in doc[k].whitespace_):
            end = k if doc[k].is_space else k + 1
            break
    while start < end and (doc[start].pos_ in _LEAD_POS or doc[start].lower_ in ("a", "an")):
        start += 1
    for k in range(start + 1, end):
        tok = doc[k]
        lower = (
            tok.is_lower and tok.lower_ not in _JOINERS and tok.lower_ not in words.name_particles
        )
        if lower and tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "PRON", "SCONJ"):
            end = k  # 'Azure Front attacked Eastgate': a name ends before a verb or a preposition
            break
    start = _title_of_end(ctx, _honorific_end(doc, start, end, words), end)
    while end > start and (
        doc[end - 1].pos_ in _TAIL_POS or doc[end - 1].text in ("'s", "\u2019s")
    ):
        end -= 1
    return (start, end) if start < end else None


def _merged(ctx: ArticleContext, ent: Span, start: int, nxt: Span | None) -> Candidate | None:
    """A fragment running into the dictionary name that follows it, as one candidate."""
    if nxt is None or nxt.label_ != "ACTOR" or nxt.start != ent.end:
        return None
    actor = ctx.actor(nxt.ent_id_)
    if actor is None:
        return None
    sent = ctx.sent_of[ent.start]
    last = ctx.doc[ent.end - 1].lower_
    if ent.label_ == "PERSON" and actor.type is EntityType.PERSON:
        return Candidate(start, nxt.end, "ACTOR", sent, actor.id)
    if last not in _JOINERS:
        return None
    text = clean_name(ctx.doc[start : nxt.end].text)
    if actor.type is EntityType.COUNTRY and STATE_FORM.match(text):
        return Candidate(start, nxt.end, "ACTOR", sent, actor.id)
    return Candidate(start, nxt.end, ent.label_, sent)


def plausible_name(text: str, words: TypeWords, heads: set[str]) -> bool:
    """Whether a text can be a name: capitalised, no digits, quotes or URL marks."""
    leading = text.split("-")[0].split()  # ' -x': nothing but spaces before the hyphen
    first = leading[0].lower() if leading else ""
    if len(text) < 2 or not (text[0].isupper() or first in words.name_particles):
        return False
    if any(c in text for c in '@/|\u201c\u201d"'):
        return False
    if any(c.isdigit() for c in text):
        last = text.split()[-1].lower()
        return last in heads or (" " not in text and text.isupper() and text.isalnum())
    return True


def head_nouns(ctx: ArticleContext, words: TypeWords) -> set[str]:
    """Head nouns of organisation and facility names."""
    org = set(ctx.patterns["countries"]["organization_words"])
    return org | words.organization_nouns | words.facility_nouns


def _junk(ctx: ArticleContext, start: int, end: int, words: TypeWords, heads: set[str]) -> bool:
    doc = ctx.doc
    text = clean_name(doc[start:end].text)
    stop = set(ctx.patterns["ner"]["stop"])
    after = f"{text} {doc[end].text}" if end < len(doc) else text
    if not plausible_name(text, words, heads) or text in stop or after in stop:
        return True
    if start > 0 and doc[start - 1].lower_ in words.site_possessives:
        return True  # 'our Cookie Policy', 'your Morning Briefing': the site's own pages
    if fold(text) in words.portfolios:
        return True  # 'Defence' of 'Defence Minister', 'State' of 'Secretary of State'
    lower = text.lower()
    if " " not in lower and (lower in heads or lower.rstrip("s") in heads):
        return True  # a bare head noun: 'the Council', 'the Guards'
    return all(t.pos_ == "NOUN" for t in doc[start:end])  # 'Anger.' capitalised as a sentence


def _extend_head(ctx: ArticleContext, cand: Candidate, words: TypeWords) -> None:
    """'Ofer' + 'military prison', 'Histadrut' + 'labour federation': the name takes its head."""
    doc = ctx.doc
    text = cand.text(doc)
    if load_gazetteer().kind(text) is not None or ctx.actor(canonical_id(text)) is not None:
        return
    heads = words.facility_nouns | words.trailing_heads
    for i in range(cand.end, min(cand.end + 3, len(doc))):
        tok = doc[i]
        if ctx.sent_of[i] != cand.sent or not tok.is_alpha or not tok.text.islower():
            return
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return
        if tok.lower_ in heads:
            cand.bare, cand.end = text, i + 1
            return


def _kin_of(ctx: ArticleContext, ent: Span, words: TypeWords) -> bool:
    """Whether a person's short name follows another given name: 'Hammam al-Hayya', 'Hazem
    Haniyeh' name the son, not the dictionary's al-Hayya or Haniyeh."""
    actor = ctx.actor(ent.ent_id_)
    if actor is None or actor.type is not EntityType.PERSON or ent.start == 0:
        return False
    before = ctx.doc[ent.start - 1]
    if not (before.pos_ == "PROPN" and before.is_alpha and before.is_title) or before.ent_type_:
        return False
    if ctx.sent_of[before.i] != ctx.sent_of[ent.start]:
        return False
    forms = (actor.name, *actor.aliases, *actor.titles)
    titles = ctx.patterns["titles"]["leader"] + ctx.patterns["titles"]["member"]
    known = {w.lower() for form in (*forms, *titles, *words.honorifics) for w in form.split()}
    return _norm(before.text) not in known | words.portfolios


def name_candidates(ctx: ArticleContext) -> list[Candidate]:
    """Dictionary names and cleaned recogniser names of the article, in text order."""
    words = load_type_words()
    heads = head_nouns(ctx, words)
    labels: dict[str, str] = ctx.patterns["ner"]["labels"]
    ents = list(ctx.doc.ents)
    out: list[Candidate] = []
    skip = -1
    for i, ent in enumerate(ents):
        if i == skip:
            continue
        sent = ctx.sent_of[ent.start]
        if ent.label_ == "ACTOR" and ent.ent_id_:
            if _kin_of(ctx, ent, words):  # 'Hammam al-Hayya' is not Khalil al-Hayya
                out.append(Candidate(ent.start - 1, ent.end, "PERSON", sent))
            else:
                out.append(Candidate(ent.start, ent.end, "ACTOR", sent, ent.ent_id_))
            continue
        if sent in ctx.headlines or ent.label_ not in labels:
            continue  # title-case lines fool the recogniser: only the dictionary names actors there
        span = clean_span(ctx, ent, words)
        if span is None:
            continue
        merged = _merged(ctx, ent, span[0], ents[i + 1] if i + 1 < len(ents) else None)
        if merged is not None:
            out.append(merged)
            skip = i + 1
            continue
        if _junk(ctx, span[0], span[1], words, heads):
            continue
        cand = Candidate(span[0], span[1], ent.label_, sent)
        _extend_head(ctx, cand, words)
        out.append(cand)
    return out
