"""Shared state of one article's extraction: mentions, drafts of facts, evidence."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from graph.dates import PartialDate
from graph.models import (
    Article,
    ClaimStatus,
    DatePrecision,
    Entity,
    EntityType,
    EventKind,
    Evidence,
    NodeLabel,
    Predicate,
    Role,
)
from loaders.nlp import Actor, ActorDictionary, lexicon_words

DICTIONARY_CONFIDENCE = 0.9
NER_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Mention:
    """An entity named in the text, by token range."""

    entity_id: str
    type: EntityType
    text: str
    start: int
    end: int
    sent: int
    confidence: float


@dataclass
class EntityDraft:
    """An entity being assembled from its mentions."""

    id: str
    type: EntityType
    name: str
    sent: int
    confidence: float
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)


@dataclass
class EventDraft:
    """An event being assembled; its id is fixed when the article is finished."""

    key: str
    kind: EventKind
    label: str
    sent: int
    confidence: float
    date: str | None = None
    precision: DatePrecision | None = None
    place: str | None = None
    anchor: str | None = None
    participants: dict[tuple[str, Role], int] = field(default_factory=dict)
    sents: list[int] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)
    date_confidence: float = 0.0
    provisional: bool = False
    meeting: bool = False
    status: ClaimStatus = ClaimStatus.STATED

    @property
    def partial_date(self) -> PartialDate | None:
        """The draft's date at its precision, for comparing two drafts' dates."""
        return PartialDate.of(self.date, self.precision)


@dataclass
class RelationDraft:
    """A relation whose event ends are still draft keys."""

    subject: str
    subject_is_event: bool
    predicate: Predicate
    obj: str | None
    obj_is_event: bool
    text: str | None
    sent: int
    confidence: float
    status: ClaimStatus = ClaimStatus.STATED


def joined_sentences(doc: Doc) -> list[Span]:
    """The parse's sentences, joined again where one ended at an abbreviation on the same line.

    The parser starts a sentence after 'Maj. Gen. (res.)' however it is told; the list that
    runs on ('... Ronen Bar, Maj. Gen. (res.) Nitzan Alon and Ophir Falk') is one sentence.
    """
    out: list[Span] = []
    for sent in doc.sents:
        if out and _ends_in_abbreviation(out[-1]) and "\n" not in out[-1][-1].whitespace_:
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _ends_in_abbreviation(sent: Span) -> bool:
    """Whether a sentence's last words are an abbreviation: 'Gen.', 'Maj' '.', '(res.)'."""
    abbreviations = lexicon_words("grammar", "abbreviations")
    words = [t.text for t in sent[-3:]]
    if words and words[-1] == ")":
        words = words[:-1]
    if not words:
        return False
    if words[-1].endswith(".") and words[-1][:-1].lower() in abbreviations:
        return True
    return len(words) >= 2 and words[-1] == "." and words[-2].lower() in abbreviations


class ArticleContext:
    """Everything known about one article while its facts are extracted."""

    def __init__(
        self, article: Article, doc: Doc, actors: ActorDictionary, patterns: dict[str, Any]
    ) -> None:
        self.article = article
        self.doc = doc
        self.actors = actors
        self.patterns = patterns
        self.sents: list[Span] = joined_sentences(doc)
        self.sent_of: list[int] = [0] * len(doc)
        for i, sent in enumerate(self.sents):
            for tok in sent:
                self.sent_of[tok.i] = i
        title = " ".join((article.title or "").split())
        self.headlines: set[int] = {
            i
            for i, s in enumerate(self.sents)
            if is_headline(s) or (title and " ".join(s.text.split()) == title)
        }
        self.mentions: list[Mention] = []
        self.mention_of: dict[int, Mention] = {}
        self.entities: dict[str, EntityDraft] = {}
        self.events: dict[str, EventDraft] = {}
        self.relations: list[RelationDraft] = []
        # the talks event each sentence that reports a round belongs to, by sentence index
        self.talks_sents: dict[int, str] = {}
        # the day of the live-blog entry each sentence is in, once asked (syntax.entry_day)
        self.entry_days: list[str | None] | None = None
        self.meeting_triggers: set[int] = set()
        self.adjectives: dict[str, str] = {}
        self.delegations: dict[tuple[str, str | None], str] = {}
        self._evidence: dict[tuple[int, float], Evidence] = {}

    def body_tokens(self) -> Iterator[tuple[int, Token]]:
        """Every token of the story with its sentence index, headlines left out."""
        for sent, span in enumerate(self.sents):
            if sent not in self.headlines:
                for tok in span:
                    yield sent, tok

    # -- evidence
    def evidence(self, sent: int, confidence: float) -> Evidence:
        """The evidence record of one sentence, with offsets into the article text."""
        found = self._evidence.get((sent, confidence))
        if found is None:
            span = self.sents[sent]
            raw = span.text
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            start = span.start_char + lead
            found = Evidence(
                article_id=self.article.id,
                sentence=text,
                start=start,
                end=start + len(text),
                confidence=confidence,
            )
            self._evidence[(sent, confidence)] = found  # frozen: one record serves every fact
        return found

    # -- mentions
    def add_mention(self, mention: Mention, actor: Actor | None) -> None:
        """Record a mention and the entity it names."""
        bisect.insort(self.mentions, mention, key=lambda m: m.start)
        for i in range(mention.start, mention.end):
            self.mention_of[i] = mention
        draft = self.entities.get(mention.entity_id)
        if draft is None:
            name = actor.name if actor else mention.text
            roles = list(actor.roles) if actor else []
            draft = EntityDraft(
                mention.entity_id, mention.type, name, mention.sent, mention.confidence, roles=roles
            )
            self.entities[mention.entity_id] = draft
        if mention.text not in draft.aliases and mention.text != draft.name:
            draft.aliases.append(mention.text)

    def refer(self, mention: Mention) -> None:
        """Record a mention that refers to a known entity without naming it ('the Qatari
        premier', 'the four'): in position order, on the tokens no other mention holds, and
        adding no alias to the entity."""
        bisect.insort(self.mentions, mention, key=lambda m: m.start)
        for i in range(mention.start, mention.end):
            self.mention_of.setdefault(i, mention)

    def add_entity(
        self, entity_id: str, type_: EntityType, name: str, sent: int, confidence: float
    ) -> EntityDraft:
        """Create (or return) an entity that no single mention names, such as a delegation."""
        draft = self.entities.get(entity_id)
        if draft is None:
            draft = EntityDraft(entity_id, type_, name, sent, confidence)
            self.entities[entity_id] = draft
        return draft

    def mentions_in(self, sent: int) -> list[Mention]:
        """The mentions of one sentence, in order."""
        return [m for m in self.mentions if m.sent == sent]

    def mention_for(self, tok: Token) -> Mention | None:
        """The mention a token belongs to, if any."""
        return self.mention_of.get(tok.i)

    def actor(self, entity_id: str) -> Actor | None:
        """The dictionary entry behind an entity id, if any."""
        return self.actors.get(entity_id)

    # -- relations
    def relate(
        self,
        subject: str,
        predicate: Predicate,
        obj: str | None,
        sent: int,
        confidence: float,
        *,
        subject_is_event: bool = False,
        obj_is_event: bool = False,
        text: str | None = None,
    ) -> None:
        """Record a relation (event ends given by draft key)."""
        if obj is not None and obj == subject:
            return
        self.relations.append(
            RelationDraft(
                subject, subject_is_event, predicate, obj, obj_is_event, text, sent, confidence
            )
        )

    def entity_models(self) -> list[Entity]:
        """The finished entities."""
        out = []
        for d in self.entities.values():
            out.append(
                Entity(
                    id=d.id,
                    type=d.type,
                    name=d.name,
                    aliases=tuple(d.aliases),
                    roles=tuple(dict.fromkeys(d.roles)),
                    evidence=(self.evidence(d.sent, d.confidence),),
                )
            )
        return out


def is_headline(span: Span) -> bool:
    """A title-case line without a final full stop (a headline, a title, a menu entry)."""
    text = span.text.strip()
    if not text or text[-1] in ".!?\u201d\"'\u2019":
        return False
    words = [t for t in span if t.is_alpha and len(t.text) > 3]
    if not words:
        return True
    return sum(1 for t in words if t.text[0].isupper()) >= 0.6 * len(words)


def node_label(is_event: bool) -> NodeLabel:
    """The node label of a relation end."""
    return NodeLabel.EVENT if is_event else NodeLabel.ENTITY
