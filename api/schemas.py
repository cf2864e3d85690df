"""Request and response models of the API; each response carries only the fields it needs."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.glossary import describe_fields
from graph.models import (
    Basis,
    ClaimantKind,
    ClaimStatus,
    Id,
    IsoDate,
    Standing,
    WriteStatus,
    article_id_problem,
)

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_METADATA_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline pass


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore", json_schema_extra=describe_fields)


class Ref(_Out):
    """An entity named in a response."""

    id: str
    name: str | None = None
    type: str | None = None


class ArticleRef(_Out):
    """An article named in a response."""

    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


class ClaimantOut(_Out):
    """Who a sentence says asserts a fact: a named person or body (with its entity id when it is
    one of the graph), an unnamed one by description, or the outlet in its own voice."""

    kind: ClaimantKind
    name: str | None = None
    entity_id: str | None = None
    via: str | None = Field(default=None, description="the outlet the claimant spoke to")


class ArticleQuote(_Out):
    """A sentence of this article, with how it presents the fact and on whose word."""

    sentence: str
    start: int | None = None
    end: int | None = None
    confidence: float | None = None
    status: ClaimStatus | None = Field(
        default=None, description="how the article presents the fact (none for an entity)"
    )
    claimant: ClaimantOut | None = None


class Quote(ArticleQuote):
    """A sentence of an article that states a fact: a claim, with its article's outlet and date."""

    article: ArticleRef


STANDING_TEXT = (
    "confirmed: stated by a source published on or after the fact's date; expected: only "
    "announced; contested: sources disagree; unconfirmed: only doubted or conditional; "
    "denied: only denied"
)


class _Standing(_Out):
    standing: Standing = Field(default=Standing.CONFIRMED, description=STANDING_TEXT)
    sources: int = Field(
        default=0, description="independent sources: distinct outlets, the same text once"
    )


class _Claimed(_Standing):
    claimants: list[ClaimantOut] = Field(default_factory=list)


class DerivedEnd(_Out):
    """One end of a derived edge, with the quotes that date it."""

    id: str
    label: str | None = None
    date: str | None = None
    date_precision: str | None = None
    standing: Standing = Standing.CONFIRMED
    evidence: list[Quote]


class Derivation(_Out):
    """How a rule derived an edge that no article states."""

    rule: str
    ends: list[DerivedEnd]


class _Edge(_Claimed):
    basis: Basis = Field(
        default=Basis.STATED, description="stated by articles, or derived by a rule"
    )
    derivation: Derivation | None = Field(
        default=None, description="the rule and both ends of a derived edge"
    )


class Participant(Ref):
    """An entity taking part in an event, in a role."""

    role: str


class TimelineEvent(_Claimed):
    """An event on the timeline with who took part, where, and who reported it."""

    id: str
    kind: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED
    confidence: float | None = None
    place: Ref | None = None
    participants: list[Participant]
    articles: list[ArticleRef]


class TimelinePage(_Out):
    """One page of the timeline; pass `next_cursor` as `cursor` for the next page."""

    events: list[TimelineEvent]
    next_cursor: str | None = None


class Round(_Claimed):
    """A round of talks with where it was held, who mediated and hosted, and how many attended."""

    id: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED
    place: Ref | None = None
    mediators: list[Ref]
    hosts: list[Ref]
    attendee_count: int


class Attendee(_Claimed):
    """One name on a round's roll call, its standing, and the claims that place it there."""

    id: str
    name: str | None = None
    type: str | None = None
    roles: list[str]
    via: list[str] = Field(description="ATTENDED, PARTICIPATED_IN, or MEMBER_OF/LEADS <delegation>")
    delegation: Ref | None = None
    basis: Basis = Field(
        default=Basis.STATED,
        description="stated: an article places it there; derived: a member of a delegation "
        "that attended",
    )
    rule: str | None = None
    articles: list[ArticleRef]
    evidence: list[Quote]


class RoundSummary(_Standing):
    """The round a roll call belongs to."""

    id: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED


class RollCall(_Out):
    """Who attended one round of talks."""

    round: RoundSummary
    place: Ref | None = None
    standings: dict[Standing, list[str]] = Field(
        default_factory=dict, description="the attendees' ids grouped by standing"
    )
    attendees: list[Attendee]


class EntitySummary(_Out):
    """An entity found by a search."""

    id: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    article_count: int
    rank: int | None = Field(
        default=None,
        description="0 exact, 1 prefix, 2 whole word, 3 word prefix, 4 misspelt (only when "
        "nothing ranks 0-3)",
    )
    edits: int | None = Field(
        default=None, description="a misspelt match's typing errors from the name it matched"
    )
    matched: str | None = Field(
        default=None, description="the name or alias a misspelt search came closest to"
    )


class NodeRef(_Out):
    """A node at the other end of an edge: an entity, an event or an issue."""

    id: str
    label: str
    name: str | None = None
    type: str | None = None
    date: str | None = None


class Relation(_Edge):
    """A fact edge seen from one node, with the quotes behind it."""

    predicate: str
    direction: str = Field(description="out: this node is the subject; in: it is the object")
    other: NodeRef
    articles: list[str]
    confidence: float | None = None
    status: ClaimStatus = ClaimStatus.STATED
    evidence: list[Quote]


class Membership(Ref):
    """A group an entity belongs to or leads (or a member of a group)."""

    predicate: str


class EntityEvent(_Claimed):
    """An event an entity is linked to, and how."""

    id: str
    kind: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED
    how: list[str]


class EntityProfile(_Out):
    """Everything the graph says about one entity."""

    id: str
    name: str
    type: str
    confidence: float | None = None
    aliases: list[str]
    roles: list[str]
    memberships: list[Membership]
    members: list[Membership]
    relations: list[Relation] = Field(
        description="at most 200 each way: edges to entities and issues first, then the newest"
    )
    events: list[EntityEvent] = Field(description="the latest 100 events, in date order")
    event_count: int = Field(default=0, description="events the entity is linked to in all")
    articles: list[ArticleRef] = Field(description="the latest 100 articles, oldest first")
    article_count: int = Field(default=0, description="articles that mention the entity in all")


class EventQuote(Quote):
    """A quote about an event: the event itself, or one participant's part in it."""

    fact: str


class EventProfile(_Claimed):
    """Everything the graph says about one event."""

    id: str
    kind: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED
    confidence: float | None = None
    place: Ref | None = None
    participants: list[Participant]
    relations: list[Relation]
    evidence: list[EventQuote]
    articles: list[ArticleRef]


class ChainEvent(_Claimed):
    """An event of a chain; `distance` counts links from the start (negative: before it)."""

    id: str
    kind: str
    label: str
    date: str | None = None
    date_precision: str | None = None
    status: ClaimStatus = ClaimStatus.STATED
    distance: int


class ChainLink(_Edge):
    """A CAUSED or PRECEDED edge of a chain, with the quotes behind it."""

    source: str
    target: str
    type: str
    articles: list[str]
    confidence: float | None = None
    status: ClaimStatus = ClaimStatus.STATED
    evidence: list[Quote]


class EventChain(_Out):
    """The events that led to an event or followed from it, in date order."""

    id: str
    direction: str
    depth: int
    events: list[ChainEvent]
    links: list[ChainLink]


class GraphNode(NodeRef):
    """A node of a neighbourhood and its distance from the centre."""

    depth: int


class GraphEdge(_Edge):
    """An edge of a neighbourhood; `articles` counts the articles that state it."""

    source: str
    target: str
    type: str
    role: str | None = None
    articles: int
    evidence: list[Quote] = Field(default_factory=list, description="at most 3 quotes")


class Neighbourhood(_Out):
    """Nodes and edges around a node; `truncated` says the size cap cut it short."""

    id: str
    depth: int
    truncated: bool
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class FactClaims(_Edge):
    """One fact between two nodes and the claims behind it, oldest first."""

    predicate: str
    status: ClaimStatus = ClaimStatus.STATED
    claims: list[Quote]


class ClaimsAnswer(_Out):
    """The facts from one node to another, each with its claims side by side."""

    subject: NodeRef
    object: NodeRef
    predicate: str | None = None
    facts: list[FactClaims]


class ArticleMeta(ArticleRef):
    """An article's metadata."""

    url: str | None = None
    author: str | None = None


class MentionedNode(Ref):
    """An entity, event or issue an article mentions, with the sentences that state it."""

    date: str | None = None
    evidence: list[ArticleQuote]
    standing: Standing | None = Field(default=None, description=f"{STANDING_TEXT} (events only)")
    sources: int | None = Field(
        default=None, description="independent sources of an event: distinct outlets"
    )


class ArticleRelationEnd(_Out):
    """One end of an edge an article states."""

    id: str
    name: str | None = None
    label: str | None = None


class ArticleRelation(_Standing):
    """An edge an article states, with the sentences it gives for it, and its standing across
    every article that states it."""

    subject: ArticleRelationEnd
    predicate: str
    role: str | None = None
    object: ArticleRelationEnd
    confidence: float | None = None
    evidence: list[ArticleQuote]


class ArticleFactsOut(ArticleMeta):
    """An article and the facts taken from it."""

    entities: list[MentionedNode]
    events: list[MentionedNode]
    issues: list[MentionedNode]
    relations: list[ArticleRelation]


class IngestRequest(BaseModel):
    """An article to add: its text and metadata."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=describe_fields)

    id: Id = Field(
        description="the article's id: no '/', not '.' or '..', no control characters or line "
        "separators, no leading or trailing whitespace (refused, never stripped)"
    )
    text: str = Field(min_length=1)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: IsoDate | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _valid_unicode(cls, value: Any) -> Any:
        """Text must be valid Unicode: a lone surrogate (or its UTF-8 bytes) is refused."""
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            raise ValueError(
                f"holds a lone surrogate (U+{ord(found.group()):04X}) at character "
                f"{found.start()}: not valid Unicode, and UTF-8 cannot encode it"
            )
        return value

    @field_validator("title", "source", "author", "url")
    @classmethod
    def _printable_metadata(cls, value: str | None) -> str | None:
        """Metadata cannot hold NUL, control characters or terminal (ANSI) escapes."""
        if value is not None and (found := _METADATA_CONTROLS.search(value)):
            code = ord(found.group())
            raise ValueError(f"holds a control character (U+{code:04X}): NUL and escapes refused")
        return value

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        """The url is shown as a link: only http:// and https:// addresses are taken."""
        if value is not None and not value.strip().lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("id")
    @classmethod
    def _addressable_id(cls, value: str) -> str:
        """The id must follow the one article id rule (one path segment of /articles/{id})."""
        if problem := article_id_problem(value):
            raise ValueError(problem)
        return value


class IngestCounts(_Out):
    """How many facts the article gave."""

    entities: int
    events: int
    relations: int


class IngestResult(_Out):
    """What writing the article did: loaded (201), updated or unchanged (200)."""

    id: str
    status: WriteStatus
    counts: IngestCounts


class Health(_Out):
    """The process answers."""

    status: str


class Ready(_Out):
    """The database answers."""

    status: str
