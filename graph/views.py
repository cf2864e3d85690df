"""Read models: the typed, frozen answers of graph.reads, which the API serves as they are.

Each view names its fields once (their descriptions come from graph.glossary) and types the
graph's vocabularies as enums (event kind, entity type, role, predicate, date precision, claim
status, standing), so the API's OpenAPI document lists their values. A date is served at its
own precision ("2024-10" for a month: `partial_date`), with the days it covers beside it. Every
list that can grow is a `Page`: its items, the cursor of the next page and the list's total.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph.dates import PartialDate
from graph.glossary import describe_fields
from graph.models import (
    Basis,
    ClaimantKind,
    ClaimStatus,
    DatePrecision,
    EdgeType,
    EntityType,
    EventKind,
    NodeLabel,
    Predicate,
    Role,
    Standing,
)

T = TypeVar("T")
STANDING_TEXT = (
    "confirmed: stated by a source published on or after the fact's date; expected: only "
    "announced; contested: sources disagree; unconfirmed: only doubted or conditional; "
    "denied: only denied"
)


def partial_date(value: str, precision: str | None) -> dict[str, str]:
    """A stored day ("2024-10-01") at its precision: `date` reduced ("2024-10"), and the first
    and last days it covers (`date_start`, `date_end`)."""
    when = PartialDate(value, DatePrecision(precision) if precision else DatePrecision.DAY)
    return {"date": when.iso, "date_start": when.start, "date_end": when.end}


class View(BaseModel):
    """A read model: frozen, built once by a read; fields it does not name are dropped."""

    model_config = ConfigDict(frozen=True, extra="ignore", json_schema_extra=describe_fields)


class Page(View, Generic[T]):
    """One page of a list; pass `next_cursor` as `cursor` to the same route for the next."""

    items: list[T]
    next_cursor: str | None = None
    total: int | None = None


class Identified(View):
    """A node named by its id (the first field of every view that has one)."""

    id: str


class Dated(View):
    """A node with a date at its own precision and the days that date covers."""

    date: str | None = None
    date_precision: DatePrecision | None = None
    date_start: str | None = None
    date_end: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _at_precision(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("date"):
            precision = data.get("date_precision") or DatePrecision.DAY.value
            return {**data, "date_precision": precision, **partial_date(data["date"], precision)}
        return data


class Ref(View):
    """An entity named in a response."""

    id: str
    name: str | None = None
    type: EntityType | None = None


class ArticleRef(View):
    """An article named in a response."""

    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


class ClaimantOut(View):
    """Who a sentence says asserts a fact: a named person or body (with its entity id when it is
    one of the graph), an unnamed one by description, or the outlet in its own voice."""

    kind: ClaimantKind
    name: str | None = None
    entity_id: str | None = None
    via: str | None = Field(default=None, description="the outlet the claimant spoke to")


class ArticleQuote(View):
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
    """A sentence of an article that states a fact: a claim, with its article's outlet and date.
    `start` and `end` index the text of `GET /articles/{article.id}/text`."""

    article: ArticleRef


class Standed(View):
    standing: Standing = Field(default=Standing.CONFIRMED, description=STANDING_TEXT)
    sources: int = Field(
        default=0, description="independent sources: distinct outlets, the same text once"
    )


class Claimed(Standed):
    claimants: list[ClaimantOut] = Field(default_factory=list)


class DerivedEnd(Dated, Identified):
    """One end of a derived edge, with the quotes that date it."""

    label: str | None = None
    standing: Standing = Standing.CONFIRMED
    evidence: list[Quote]


class Derivation(View):
    """How a rule derived an edge that no article states."""

    rule: str
    ends: list[DerivedEnd]


class Edge(Claimed):
    basis: Basis = Field(
        default=Basis.STATED, description="stated by articles, or derived by a rule"
    )
    derivation: Derivation | None = Field(
        default=None, description="the rule and both ends of a derived edge"
    )


class Participant(Ref):
    """An entity taking part in an event, in a role."""

    role: Role


class EventRef(Claimed, Dated, Identified):
    """An event named in a list, with its standing across its claims."""

    kind: EventKind
    label: str
    status: ClaimStatus = ClaimStatus.STATED


class TimelineEvent(EventRef):
    """An event on the timeline with who took part, where, and who reported it."""

    confidence: float | None = None
    place: Ref | None = None
    participants: list[Participant]
    articles: list[ArticleRef]


class Round(Claimed, Dated, Identified):
    """A round of talks with where it was held, who mediated and hosted, and how many attended."""

    label: str
    status: ClaimStatus = ClaimStatus.STATED
    place: Ref | None = None
    mediators: list[Ref]
    hosts: list[Ref]
    attendee_count: int


class Link(View):
    """One edge that ties an entity to an event: its predicate, the role of a participation,
    and, for a member of a delegation, the delegation the edge runs to."""

    predicate: EdgeType = Field(
        description="the relationship type: a fact (ATTENDED, MEDIATED, ...), PARTICIPATED_IN "
        "with its role, HELD_IN for a place, or MEMBER_OF/LEADS a delegation that attended"
    )
    role: Role | None = Field(default=None, description="the role of a PARTICIPATED_IN edge")
    delegation_id: str | None = Field(
        default=None, description="the id of the delegation a MEMBER_OF or LEADS edge runs to"
    )


class Attendee(Claimed):
    """One name on a round's roll call, its standing, and the claims that place it there."""

    id: str
    name: str | None = None
    type: EntityType | None = None
    roles: list[str]
    links: list[Link] = Field(
        description="the edges that place it there: ATTENDED, PARTICIPATED_IN as attendee, or "
        "MEMBER_OF/LEADS a delegation that attended"
    )
    delegation: Ref | None = None
    basis: Basis = Field(
        default=Basis.STATED,
        description="stated: an article places it there; derived: a member of a delegation "
        "that attended",
    )
    rule: str | None = None
    articles: list[ArticleRef]
    evidence: list[Quote]


class RoundSummary(Standed, Dated, Identified):
    """The round a roll call belongs to."""

    label: str
    status: ClaimStatus = ClaimStatus.STATED


class RollCall(View):
    """Who attended one round of talks."""

    round: RoundSummary
    place: Ref | None = None
    standings: dict[Standing, list[str]] = Field(
        default_factory=dict, description="the attendees' ids grouped by standing"
    )
    attendees: list[Attendee]


class EntitySummary(View):
    """An entity found by a search."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    article_count: int = 0
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


class NodeRef(Dated, Identified):
    """A node at the other end of an edge: an entity, an event, an issue or an article."""

    node: NodeLabel = Field(description="what the node is: Entity, Event, Issue or Article")
    name: str | None = Field(
        default=None,
        description="what to call it: the entity's name, the event's label, the issue's text or "
        "the article's title",
    )
    type: EntityType | None = Field(default=None, description="an entity's type")
    kind: EventKind | None = Field(default=None, description="an event's kind")
    source: str | None = Field(default=None, description="an article's outlet")


class Relation(Edge):
    """A fact edge seen from one node, with the quotes behind it."""

    predicate: Predicate
    direction: str = Field(description="out: this node is the subject; in: it is the object")
    other: NodeRef
    article_ids: list[str] = Field(description="the ids of the articles that state it")
    confidence: float | None = None
    status: ClaimStatus = ClaimStatus.STATED
    evidence: list[Quote]


class Membership(Ref):
    """A group an entity belongs to or leads (or a member of a group)."""

    predicate: Predicate


class EntityEvent(EventRef):
    """An event an entity is linked to, and by which edges."""

    links: list[Link] = Field(description="the entity's edges to the event")


class EntityProfile(View):
    """Everything the graph says about one entity. Its lists are first pages: each continues at
    its own route (`/entities/{id}/relations`, `/events`, `/articles`) with `next_cursor`."""

    id: str
    name: str
    type: EntityType
    confidence: float | None = None
    aliases: list[str]
    roles: list[str]
    memberships: list[Membership]
    members: list[Membership]
    relations: Page[Relation] = Field(
        description="its fact edges: to entities and issues first, then the newest"
    )
    events: Page[EntityEvent] = Field(description="the events it is linked to, newest first")
    articles: Page[ArticleRef] = Field(description="the articles that mention it, newest first")
    event_count: int = Field(default=0, description="events the entity is linked to in all")
    article_count: int = Field(default=0, description="articles that mention the entity in all")


class EventQuote(Quote):
    """A quote about an event: the event itself, or one participant's part in it."""

    fact: str


class EventProfile(EventRef):
    """Everything the graph says about one event."""

    confidence: float | None = None
    place: Ref | None = None
    participants: list[Participant]
    relations: Page[Relation] = Field(
        description="its fact edges, first page: more at `/events/{id}/relations`"
    )
    evidence: list[EventQuote]
    articles: list[ArticleRef]


class ChainEvent(EventRef):
    """An event of a chain; `distance` counts links from the start (negative: before it)."""

    distance: int


class ChainLink(Edge):
    """A CAUSED or PRECEDED edge of a chain, with the quotes behind it."""

    source: str
    target: str
    predicate: Predicate
    article_ids: list[str] = Field(description="the ids of the articles that state it")
    confidence: float | None = None
    status: ClaimStatus = ClaimStatus.STATED
    evidence: list[Quote]


class EventChain(View):
    """The events that led to an event or followed from it, in date order."""

    id: str
    direction: str
    depth: int
    truncated: bool = Field(
        default=False,
        description=(
            "true when the walk stopped at 2,000 links before `depth`: events past them are "
            "not followed (ask a smaller depth or one direction)"
        ),
    )
    events: list[ChainEvent]
    links: list[ChainLink]


class GraphNode(NodeRef):
    """A node of a neighbourhood and its distance from the centre."""

    depth: int


class GraphEdge(Edge):
    """An edge of a neighbourhood, from `source` to `target`."""

    source: str
    target: str
    predicate: EdgeType = Field(description="the relationship type: a fact or structure")
    role: Role | None = Field(default=None, description="the role of a PARTICIPATED_IN edge")
    article_count: int = Field(description="how many articles state it")
    evidence: list[Quote] = Field(
        default_factory=list, description="its top quotes (at most 3): its sources at a glance"
    )


class Neighbourhood(View):
    """Nodes and edges around a node; `truncated` says the size cap cut it short."""

    id: str
    depth: int
    truncated: bool
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class FactClaims(Edge):
    """One fact between two nodes and the claims behind it, oldest first."""

    predicate: str
    status: ClaimStatus = ClaimStatus.STATED
    claims: list[Quote]


class ClaimsAnswer(View):
    """The facts from one node to another, each with its claims side by side."""

    subject: NodeRef
    object: NodeRef
    predicate: str | None = None
    facts: list[FactClaims]


class ArticleMeta(ArticleRef):
    """An article's metadata."""

    url: str | None = None
    author: str | None = None


class ArticleText(ArticleRef):
    """An article's cleaned text: the text every quote's `start` and `end` index."""

    text: str = Field(description="the cleaned text the quotes' offsets index")


class MentionedNode(Dated, Identified):
    """An entity, event or issue an article mentions, with the sentences that state it."""

    name: str | None = Field(
        default=None,
        description="the entity's name, the event's label or the issue's text",
    )
    type: EntityType | None = Field(default=None, description="an entity's type")
    kind: EventKind | None = Field(default=None, description="an event's kind")
    evidence: list[ArticleQuote]
    standing: Standing | None = Field(default=None, description=f"{STANDING_TEXT} (events only)")
    sources: int | None = Field(
        default=None, description="independent sources of an event: distinct outlets"
    )


class ArticleRelationEnd(View):
    """One end of an edge an article states."""

    id: str
    name: str | None = None
    node: NodeLabel | None = Field(
        default=None, description="what the node is: Entity, Event or Issue"
    )


class ArticleRelation(Standed):
    """An edge an article states, with the sentences it gives for it, and its standing across
    every article that states it."""

    subject: ArticleRelationEnd
    predicate: str
    role: Role | None = None
    object: ArticleRelationEnd
    confidence: float | None = None
    evidence: list[ArticleQuote]


class ArticleProfile(ArticleMeta):
    """An article and the facts taken from it."""

    entities: list[MentionedNode]
    events: list[MentionedNode]
    issues: list[MentionedNode]
    relations: list[ArticleRelation]


class HitKind(StrEnum):
    """What a search hit is."""

    ENTITY = "entity"
    EVENT = "event"
    ARTICLE = "article"


class SearchHit(View):
    """One thing a search found: its kind, id and name, and the typed summary of its kind."""

    hit: HitKind
    id: str
    name: str | None = Field(
        default=None, description="the entity's name, the event's label or the article's title"
    )
    entity: EntitySummary | None = None
    event: EventRef | None = None
    article: ArticleMeta | None = None


class SearchPage(Page[SearchHit]):
    """One page of search hits: entities first (best first), then events (newest first), then
    articles (newest first); `did_you_mean` offers names when nothing matches as typed."""

    did_you_mean: list[str] = Field(
        default_factory=list,
        description="when nothing matches as typed: the names a few typing errors away",
    )
