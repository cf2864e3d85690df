"""Who says so: the claimant of each sentence, from its reporting verb or attribution clause.

A sentence's claimant is the subject of a verb of saying ('White House press secretary Karine
Jean-Pierre said that ...', 'an Egyptian official told Reuters'), the object of 'according to'
or of 'quoting', or the speaker of the quotation the sentence belongs to: a quote that runs over
several sentences takes the speaker named in any of them, and a sentence that opens a new quote
right after an attributed one continues it. A named speaker is an entity of the article when it
is one, else its name; an anonymous one is a typed description ('unnamed Egyptian official');
the outlet a source spoke to ('told Reuters') is kept as `via`. A sentence with no claimant is
the article in its own voice (the Evidence keeps no claimant).

The word lists are data (loaders/data/claimants.json), checked when they are loaded.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Span, Token

from graph.claims import ROLE_EDGES, participation_key
from graph.models import (
    ArticleFacts,
    Claimant,
    ClaimantKind,
    EntityType,
    Event,
    Evidence,
    Participant,
)
from loaders.extract.assemble import final_event_ids
from loaders.extract.claims import sentence_statuses
from loaders.extract.context import ArticleContext, Mention
from loaders.extract.phrases import resolve_pronoun

_QUOTE_MARKS = re.compile('["\u201c\u201d]')
_SUBJECTS = ("nsubj", "nsubjpass")


class ClaimantWords(BaseModel):
    """The word lists of claimants.json."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reporting_verbs: frozenset[str] = Field(min_length=1)
    according_to: frozenset[str] = Field(min_length=1)
    quoting_words: frozenset[str] = Field(min_length=1)
    anonymous_heads: frozenset[str] = Field(min_length=1)
    speaker_pronouns: frozenset[str] = Field(min_length=1)
    longest_description: int = Field(ge=1, le=20)


@functools.cache
def load_words() -> ClaimantWords:
    """The claimant word lists, validated (a misspelt key fails naming it)."""
    text = resources.files("loaders.data").joinpath("claimants.json").read_text(encoding="utf-8")
    return ClaimantWords.model_validate(json.loads(text))


def _mention_in(ctx: ArticleContext, tokens: list[Token]) -> Mention | None:
    """The mention of the phrase's head, else the first person named in it."""
    for tok in tokens[:1]:
        if (m := ctx.mention_for(tok)) is not None:
            return m
    found = [m for t in tokens if (m := ctx.mention_for(t)) is not None]
    people = [m for m in found if m.type is EntityType.PERSON]
    pool = people or found
    return pool[0] if pool else None


def _phrase(head: Token) -> list[Token]:
    """The speaker's phrase: 'White House press secretary Karine Jean-Pierre'."""
    keep = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "punct", "cc")]
    return sorted(keep, key=lambda t: t.i)


def _described(head: Token, words: ClaimantWords) -> str:
    """A typed description of an anonymous speaker: 'unnamed Egyptian official'."""
    dropped = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    parts = [
        t.text
        for t in head.subtree
        if t.i not in dropped and (t.i >= head.i or t.pos_ not in ("DET", "PUNCT", "CCONJ"))
    ]
    text = " ".join(parts[: words.longest_description])
    return f"unnamed {text}" if head.lower_ in words.anonymous_heads else text


def _speaker(ctx: ArticleContext, head: Token, words: ClaimantWords) -> Claimant | None:
    """The claimant a speaker phrase names."""
    if head.pos_ == "PRON":
        if head.lower_ not in words.speaker_pronouns:
            return None
        m = resolve_pronoun(ctx, head)
        return _named(ctx, m) if m is not None else None
    phrase = _phrase(head)
    m = _mention_in(ctx, [head, *[t for t in phrase if t.i != head.i]])
    if m is not None and m.start <= head.i < m.end:
        return _named(ctx, m)
    possessor = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if possessor and head.lower_ not in words.anonymous_heads:  # "Netanyahu's office"
        text = "".join(t.text_with_ws for t in phrase if t.dep_ != "det").strip()
        return Claimant(kind=ClaimantKind.NAMED, name=text[:200])
    if m is not None and m.type is EntityType.PERSON and head.lower_ not in words.anonymous_heads:
        return _named(ctx, m)  # "press secretary Karine Jean-Pierre"
    if head.pos_ == "PROPN":
        name = " ".join(t.text for t in phrase if t.pos_ == "PROPN" or t.dep_ == "case")
        return Claimant(kind=ClaimantKind.NAMED, name=name[:200])
    if head.pos_ != "NOUN":
        return None
    return Claimant(kind=ClaimantKind.UNNAMED, name=_described(head, words)[:200])


def _named(ctx: ArticleContext, m: Mention) -> Claimant:
    draft = ctx.entities.get(m.entity_id)
    name = draft.name if draft is not None else m.text
    return Claimant(kind=ClaimantKind.NAMED, name=name[:200], entity_id=m.entity_id)


def _outlet(ctx: ArticleContext, verb: Token) -> str | None:
    """The outlet a source spoke to: 'told Reuters', 'said in an interview with Axios'."""
    own = (ctx.article.source or "").casefold()
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj"):
            m = ctx.mention_for(c)
            actor = ctx.actor(m.entity_id) if m is not None else None
            if actor is not None and actor.media:
                return actor.name
            phrase = "".join(t.text_with_ws for t in c.subtree).strip()
            if own and phrase.casefold() in (own, f"the {own}"):
                return ctx.article.source  # the outlet's own name: its mention is not an actor
    return None


def sentence_claimant(ctx: ArticleContext, sent: Span) -> Claimant | None:
    """The claimant one sentence names for what it reports, or None (the outlet's own voice)."""
    words = load_words()
    for tok in sent:
        low = tok.lower_
        if low in words.according_to:
            for to in tok.children:
                for obj in to.children:
                    if obj.dep_ == "pobj" and (who := _speaker(ctx, obj, words)) is not None:
                        return who
        if low in words.quoting_words:
            for obj in tok.children:
                if obj.dep_ == "dobj" and (who := _speaker(ctx, obj, words)) is not None:
                    return who
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in words.reporting_verbs:
            continue
        subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        for head in subjects + agents:
            who = _speaker(ctx, head, words)
            if who is not None:
                via = _outlet(ctx, tok)
                return who.model_copy(update={"via": via}) if via else who
    return None


def _quote_runs(ctx: ArticleContext) -> list[int | None]:
    """For each sentence, the number of the quotation it belongs to (None: outside quotes)."""
    runs: list[int | None] = []
    run, inside = 0, False
    for sent in ctx.sents:
        marks = len(_QUOTE_MARKS.findall(sent.text))
        if not inside and not marks:
            runs.append(None)
            continue
        if not inside:
            run += 1
        runs.append(run)
        if marks % 2:
            inside = not inside
    return runs


def sentence_claimants(ctx: ArticleContext) -> dict[int, Claimant]:
    """The claimant of each sentence that has one, quotes carried across sentences."""
    own = {i: c for i, s in enumerate(ctx.sents) if (c := sentence_claimant(ctx, s)) is not None}
    out = dict(own)
    runs = _quote_runs(ctx)
    speakers: dict[int, Claimant] = {}
    for i, run in enumerate(runs):
        if run is not None and i in own:
            speakers.setdefault(run, own[i])
    for i, run in enumerate(runs):
        if i in out or run is None:
            continue
        if run not in speakers and i > 0 and (i - 1) in out and _opens_quote(ctx.sents[i]):
            speakers[run] = out[i - 1]  # a new quote right after an attributed sentence
        if run in speakers:
            out[i] = speakers[run]
    return out


def _opens_quote(sent: Span) -> bool:
    return sent.text.lstrip()[:1] in ('"', "\u201c")


def attribute_claimants(facts: ArticleFacts, ctx: ArticleContext) -> ArticleFacts:
    """The facts with each event, participation and relation sentence's claimant set, and the
    status that sentence gives the fact where it differs from the fact's in the article."""
    by_start = {s.start_char: i for i, s in enumerate(ctx.sents)}
    starts = sorted(by_start)
    claimants = sentence_claimants(ctx)
    known = {e.id for e in facts.entities}
    own = sentence_statuses(ctx, final_event_ids(ctx))
    overall = {v.id: v.status for v in facts.events} | {r.key: r.status for r in facts.relations}

    def attributed(ev: Evidence, fact: str, status_key: str | None = None) -> Evidence:
        sent = _sentence_at(starts, by_start, ev.start)
        update: dict[str, object] = {}
        who = claimants.get(sent) if sent is not None else None
        if who is not None:
            if who.entity_id is not None and who.entity_id not in known:
                who = who.model_copy(update={"entity_id": None})
            update["claimant"] = who
        said = own.get(status_key or fact, {}).get(sent) if sent is not None else None
        if said is not None and said is not overall.get(status_key or fact):
            update["status"] = said
        return ev.model_copy(update=update) if update else ev

    def part(v: Event, p: Participant) -> Participant:
        if p.evidence is None:
            return p
        edge = ROLE_EDGES.get(p.role)
        key = f"{p.entity_id}|{edge}|{v.id}" if edge is not None else None
        fact = participation_key(p.entity_id, p.role, v.id)
        return p.model_copy(update={"evidence": attributed(p.evidence, fact, key)})

    return facts.model_copy(
        update={
            "events": tuple(
                v.model_copy(
                    update={
                        "evidence": tuple(attributed(ev, v.id) for ev in v.evidence),
                        "participants": tuple(part(v, p) for p in v.participants),
                    }
                )
                for v in facts.events
            ),
            "relations": tuple(
                r.model_copy(update={"evidence": attributed(r.evidence, r.key)})
                for r in facts.relations
            ),
        }
    )


def _sentence_at(starts: list[int], by_start: dict[int, int], offset: int) -> int | None:
    """The index of the sentence holding the character `offset`."""
    pos = bisect.bisect_right(starts, offset) - 1
    return by_start[starts[pos]] if pos >= 0 else None
