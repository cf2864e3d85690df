"""The graph's vocabulary: articles, entities, events, relations and their provenance."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from graph.dates import DatePrecision as DatePrecision  # compared only in graph/dates.py
from graph.dates import IsoDate as IsoDate  # a day of the calendar
from graph.dates import PartialDate
from graph.names import slugify as slugify  # ids are slugs: folded in graph/names.py

Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]
_ID_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def article_id_problem(value: str) -> str | None:
    """Why `value` cannot be an article id (one path segment of /articles/{id}), or None."""
    if not value or len(value) > 200:
        return "an article id must have 1 to 200 characters"
    if "/" in value:
        return "an article id cannot hold '/'"
    if value in (".", ".."):
        return "an article id cannot be '.' or '..'"
    if found := _ID_FORBIDDEN.search(value):
        code = ord(found.group())
        if 0xD800 <= code <= 0xDFFF:
            return f"an article id cannot hold a lone surrogate (U+{code:04X}): not valid Unicode"
        what = "a line separator" if code in (0x2028, 0x2029) else "control characters"
        return f"an article id cannot hold {what} (U+{code:04X})"
    if value != value.strip():
        return "an article id cannot begin or end with whitespace (it is never stripped)"
    return None


def _article_id(value: str) -> str:
    """The value when it follows the article id rule."""
    if problem := article_id_problem(value):
        raise ValueError(problem)
    return value


ArticleId = Annotated[Id, AfterValidator(_article_id)]


class EntityType(StrEnum):
    """What kind of actor or place an entity is."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    DELEGATION = "Delegation"
    PLACE = "Place"


class EventKind(StrEnum):
    """What kind of event happened."""

    TALKS = "talks"
    KILLING = "killing"
    WITHDRAWAL = "withdrawal"
    PROPOSAL = "proposal"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    MILITARY_OPERATION = "military_operation"
    HOSTAGE_RELEASE = "hostage_release"
    PRISONER_RELEASE = "prisoner_release"
    ARMS_TRANSFER = "arms_transfer"
    AID = "aid"
    ELECTION = "election"
    ATTACK = "attack"
    OTHER = "other"


class Role(StrEnum):
    """The part an entity plays in an event."""

    ATTENDEE = "attendee"
    MEDIATOR = "mediator"
    HOST = "host"
    VICTIM = "victim"
    PERPETRATOR = "perpetrator"
    ACTOR = "actor"
    TARGET = "target"
    PROPOSER = "proposer"


class Predicate(StrEnum):
    """The relationship types of the graph; each is a Neo4j relationship type."""

    ATTENDED = "ATTENDED"
    MEDIATED = "MEDIATED"
    DEMANDED = "DEMANDED"
    KILLED = "KILLED"
    MEMBER_OF = "MEMBER_OF"
    LEADS = "LEADS"
    PROPOSED = "PROPOSED"
    REJECTED = "REJECTED"
    ACCUSED = "ACCUSED"
    WITHDREW_FROM = "WITHDREW_FROM"
    PRECEDED = "PRECEDED"
    CAUSED = "CAUSED"


class EdgeType(StrEnum):
    """Every relationship type: the facts (each Predicate) and the structure around them."""

    ATTENDED = Predicate.ATTENDED.value
    MEDIATED = Predicate.MEDIATED.value
    DEMANDED = Predicate.DEMANDED.value
    KILLED = Predicate.KILLED.value
    MEMBER_OF = Predicate.MEMBER_OF.value
    LEADS = Predicate.LEADS.value
    PROPOSED = Predicate.PROPOSED.value
    REJECTED = Predicate.REJECTED.value
    ACCUSED = Predicate.ACCUSED.value
    WITHDREW_FROM = Predicate.WITHDREW_FROM.value
    PRECEDED = Predicate.PRECEDED.value
    CAUSED = Predicate.CAUSED.value
    PARTICIPATED_IN = "PARTICIPATED_IN"
    HELD_IN = "HELD_IN"
    MENTIONS = "MENTIONS"

    @property
    def is_fact(self) -> bool:
        """Whether the edge is a fact (a Predicate) rather than structure."""
        return self.value in _PREDICATES


_PREDICATES = frozenset(p.value for p in Predicate)
if [t.value for t in EdgeType if t.is_fact] != [p.value for p in Predicate]:
    raise ImportError("EdgeType must list every Predicate, in Predicate's order")
# Structure an event has around it (what a graph view shows by default, beside the facts).
STRUCTURE_TYPES = (EdgeType.PARTICIPATED_IN, EdgeType.HELD_IN)


class ClaimStatus(StrEnum):
    """How an article presents a fact: as having happened, as planned, or as a mere claim."""

    STATED = "stated"
    PLANNED = "planned"
    DOUBTED = "doubted"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


# Claims that are not facts, in the order that breaks a tie between them.
CLAIM_TIE_ORDER = (ClaimStatus.DENIED, ClaimStatus.DOUBTED, ClaimStatus.HYPOTHETICAL)


def fact_status(statuses: Iterable[str]) -> ClaimStatus:
    """A fact's status across articles: stated, else planned, else the most frequent claim."""
    # Stated when no article gives one; the Cypher twin is graph.cypher.catalog.STATUS_OF.
    seen = Counter(ClaimStatus(s) for s in statuses)
    if not seen or seen[ClaimStatus.STATED]:
        return ClaimStatus.STATED
    if seen[ClaimStatus.PLANNED]:
        return ClaimStatus.PLANNED
    return max(CLAIM_TIE_ORDER, key=lambda s: (seen[s], -CLAIM_TIE_ORDER.index(s)))


class Standing(StrEnum):
    """A fact's standing across all its evidence (graph.standing computes it)."""

    CONFIRMED = "confirmed"  # stated, by a source published on or after the fact's date
    EXPECTED = "expected"  # only announced or planned so far
    CONTESTED = "contested"  # one source says it happened or will, another doubts or denies it
    UNCONFIRMED = "unconfirmed"  # only doubted or put as a condition
    DENIED = "denied"  # only denied


class Basis(StrEnum):
    """Why an edge is in the graph: an article states it, or a rule derived it."""

    STATED = "stated"
    DERIVED = "derived"


class ClaimantKind(StrEnum):
    """Who a sentence attributes a fact to."""

    NAMED = "named"  # a named person or body ("Karine Jean-Pierre", "Netanyahu's office")
    UNNAMED = "unnamed"  # a typed description ("unnamed Egyptian official")
    OUTLET = "outlet"  # the article in its own voice


class Claimant(BaseModel):
    """The person or body a sentence says asserts a fact; `via` is the outlet it spoke to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: ClaimantKind
    name: str | None = Field(default=None, max_length=200)
    entity_id: Id | None = None
    via: str | None = Field(default=None, max_length=200)


class NodeLabel(StrEnum):
    """Node labels; relation ends are one of the first three."""

    ENTITY = "Entity"
    EVENT = "Event"
    ISSUE = "Issue"
    ARTICLE = "Article"
    EVIDENCE = "Evidence"


class WriteStatus(StrEnum):
    """What writing one article did to the graph."""

    LOADED = "loaded"
    UNCHANGED = "unchanged"
    UPDATED = "updated"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """The sentence of one article that states a fact, with its character offsets."""

    article_id: Id
    sentence: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    # Who the sentence attributes the fact to; None: the article in its own voice.
    claimant: Claimant | None = None
    # How this sentence presents the fact; None: as the fact's status in its article.
    status: ClaimStatus | None = None

    @model_validator(mode="after")
    def _offsets_ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before its start {self.start}")
        return self


class Article(_Frozen):
    """One source article: its metadata and cleaned text."""

    id: ArticleId
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: IsoDate | None = None
    content_hash: str = Field(min_length=8)
    text: str = ""


class Entity(_Frozen):
    """A person, organization, country, delegation or place."""

    id: Id
    type: EntityType
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


def fact_key(source: str, link: str, target: str) -> str:
    """The identity of an edge fact: the same key from two articles is one edge.

    A relation is `subject|PREDICATE|target`, a part in an event `entity|role|event`
    (participation_key) and an event's place `event|HELD_IN|place` (place_key).
    """
    return f"{source}|{link}|{target}"


def participation_key(entity_id: str, role: Role | str, event_id: str) -> str:
    """The key of an entity's part in an event (its evidence's fact)."""
    return fact_key(entity_id, str(role), event_id)


def place_key(event_id: str, place_id: str) -> str:
    """The key of an event's HELD_IN edge to its place."""
    return fact_key(event_id, EdgeType.HELD_IN, place_id)


class Participant(_Frozen):
    """An entity taking part in an event, in a role."""

    entity_id: Id
    role: Role
    evidence: Evidence | None = None


class Event(_Frozen):
    """Something that happened: a round of talks, a killing, a proposal..."""

    id: Id
    kind: EventKind
    label: str = Field(min_length=1)
    date: IsoDate | None = None
    date_precision: DatePrecision | None = None
    place_id: Id | None = None
    participants: tuple[Participant, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    status: ClaimStatus = ClaimStatus.STATED

    @property
    def when(self) -> PartialDate | None:
        """The date at its precision, None when undated."""
        return PartialDate.of(self.date, self.date_precision)

    @property
    def place_key(self) -> str | None:
        """The key of the event's HELD_IN edge, None without a place."""
        return place_key(self.id, self.place_id) if self.place_id is not None else None

    def participation_key(self, participant: Participant) -> str:
        """The key of one participant's part in this event."""
        return participation_key(participant.entity_id, participant.role, self.id)

    @model_validator(mode="after")
    def _precision_with_date(self) -> Event:
        if (self.date is None) != (self.date_precision is None):
            raise ValueError("date and date_precision are given together or not at all")
        return self


class Relation(_Frozen):
    """A directed fact between two nodes, or from a node to a free-text object."""

    subject_id: Id
    subject_label: NodeLabel = NodeLabel.ENTITY
    predicate: Predicate
    object_id: Id | None = None
    object_label: NodeLabel = NodeLabel.ENTITY
    object_text: str | None = None
    evidence: Evidence
    status: ClaimStatus = ClaimStatus.STATED

    @model_validator(mode="after")
    def _has_object(self) -> Relation:
        if self.object_id is None and not (self.object_text and self.object_text.strip()):
            raise ValueError("a relation needs an object id or an object text")
        for label in (self.subject_label, self.object_label):
            if label not in (NodeLabel.ENTITY, NodeLabel.EVENT):
                raise ValueError(f"relation ends are entities or events, not {label}")
        return self

    @property
    def key(self) -> str:
        """The fact's identity: the same key from two articles is one edge."""
        return fact_key(self.subject_id, str(self.predicate), self.target_id)

    @property
    def target_id(self) -> str:
        """The id of the node the edge points to (an Issue node for a free-text object)."""
        if self.object_id is not None:
            return self.object_id
        return issue_id(self.object_text or "")

    @property
    def target_label(self) -> NodeLabel:
        return self.object_label if self.object_id is not None else NodeLabel.ISSUE


class ArticleFacts(_Frozen):
    """Everything extracted from one article; written in one transaction."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    relations: tuple[Relation, ...] = ()

    @model_validator(mode="after")
    def _references_resolve(self) -> ArticleFacts:
        known = {e.id for e in self.entities} | {e.id for e in self.events}
        for event in self.events:
            for ref in [p.entity_id for p in event.participants] + [event.place_id]:
                if ref is not None and ref not in known:
                    raise ValueError(f"event {event.id!r} refers to unknown entity {ref!r}")
        for rel in self.relations:
            for ref in (rel.subject_id, rel.object_id):
                if ref is not None and ref not in known:
                    raise ValueError(f"relation {rel.key!r} refers to unknown node {ref!r}")
        return self


def issue_id(text: str) -> str:
    """The id of the Issue node standing for a free-text relation object."""
    return "issue-" + slugify(text)
