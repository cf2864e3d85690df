"""What each field of the read models means, in one place, so one name has one meaning.

`describe_fields` is the `json_schema_extra` of the read models (graph.views) and the API's own
models: it gives every property that has no description of its own the text of `Model.field`,
else of `field`, below.
"""

from __future__ import annotations

from typing import Any

DATE = (
    "ISO 8601 date at its own precision: YYYY-MM-DD for a day, YYYY-MM for a month, YYYY for a "
    "year (reduced precision, never padded to the first day)"
)

FIELDS: dict[str, str] = {
    "id": "stable id of the node, as the other routes take it",
    "name": "canonical name",
    "type": "entity type: Person, Organization, Country, Delegation or Place",
    "kind": "event kind (talks, killing, withdrawal, proposal ...)",
    "label": "human-readable label of the event",
    "date": DATE,
    "date_precision": "how precise `date` is: day, month or year",
    "date_start": "first day `date` covers, YYYY-MM-DD (lists in date order sort by it)",
    "date_end": "last day `date` covers, YYYY-MM-DD",
    "items": "the items of this page, in the list's order",
    "total": "how many items the whole list holds (null when counting it would mean reading "
    "every item, as with a `standing` filter)",
    "status": "the fact's status across its articles: stated, planned, doubted, denied or "
    "hypothetical",
    "confidence": "the extractor's confidence in the fact, 0 to 1",
    "place": "where it happened",
    "participants": "entities that took part, each in its role",
    "articles": "the articles that state it",
    "evidence": "the quoted sentences behind it",
    "aliases": "other names it is known by in the articles",
    "roles": "titles and roles the articles give it",
    "article_count": "how many articles mention it",
    "claimants": "who the sentences say assert it",
    "title": "the article's headline",
    "source": "the outlet that published the article",
    "published": "the article's publication day, YYYY-MM-DD",
    "url": "where the article was published",
    "author": "the article's byline",
    "sentence": "the quoted sentence",
    "start": "character offset of the sentence's start in the article's cleaned text",
    "end": "character offset just after the sentence's end in the article's cleaned text",
    "claimant": "who the sentence says asserts the fact",
    "article": "the article the sentence is from",
    "entity_id": "the claimant's entity id when it is one of the graph",
    "role": "the part the entity played: attendee, mediator, host ...",
    "predicate": "the fact type (ATTENDED, MEDIATED, DEMANDED, KILLED, MEMBER_OF ...)",
    "rule": "the rule that derived it",
    "ends": "both ends of the derived edge",
    "mediators": "who mediated the round",
    "hosts": "who hosted the round",
    "attendee_count": "how many names the round's roll call holds",
    "delegation": "the delegation through which it attended",
    "round": "the round of talks",
    "attendees": "every name on the roll call",
    "events": "the events, in date order",
    "next_cursor": "pass as `cursor` to the same route for the next page; null on the last page",
    "other": "the node at the other end of the edge",
    "memberships": "delegations and bodies it is a member or head of",
    "members": "members and heads it has",
    "how": "how the entity is linked to the event (its roles or fact types)",
    "fact": "which fact of the event the sentence states",
    "distance": "links away from the event the chain starts at",
    "target": "id of the edge's target node",
    "links": "the CAUSED and PRECEDED edges between the chain's events",
    "direction": "which way the chain was followed: back, forward or both",
    "depth": "how many links or edges away",
    "nodes": "the nodes, nearest the centre first",
    "edges": "the edges between the nodes",
    "truncated": "true when the node cap left some nodes out",
    "subject": "the node the fact is about",
    "object": "the node the fact points to",
    "facts": "each fact from subject to object",
    "claims": "every claim behind the fact",
    "entities": "entities the article mentions",
    "issues": "issues the article mentions (hostages, aid, withdrawal ...)",
    "relations": "the relations it states, with their quotes",
    "counts": "how many facts were taken from the article",
    "standing": "the fact's standing across its sources: confirmed, expected, contested, "
    "unconfirmed or denied",
}

OVERRIDES: dict[str, str] = {
    "SearchHit.hit": "what was found: entity, event or article",
    "SearchHit.id": "the id of what was found, as its own route takes it",
    "SearchHit.entity": "the entity found (an entity hit only)",
    "SearchHit.event": "the event found (an event hit only)",
    "SearchHit.article": "the article found (an article hit only)",
    "NodeRef.label": "node label: Entity, Event, Issue or Article",
    "GraphNode.label": "node label: Entity, Event, Issue or Article",
    "ArticleRelationEnd.label": "node label: Entity, Event, Issue or Article",
    "NodeRef.type": "entity type, or the event kind for an event",
    "GraphNode.type": "entity type, or the event kind for an event",
    "DerivedEnd.label": "human-readable label of the event at this end",
    "ChainLink.type": "CAUSED or PRECEDED",
    "ChainLink.source": "id of the earlier event (the cause)",
    "ChainLink.target": "id of the later event (the effect)",
    "ChainLink.articles": "ids of the articles that state the link",
    "GraphEdge.type": "edge type (a fact type, PARTICIPATED_IN, HELD_IN or MENTIONS)",
    "GraphEdge.source": "id of the edge's source node",
    "GraphEdge.target": "id of the edge's target node",
    "GraphEdge.articles": "how many articles state the edge",
    "GraphEdge.role": "the role, for a PARTICIPATED_IN edge",
    "Relation.articles": "ids of the articles that state the relation",
    "Participant.role": "the part it played: attendee, mediator, host ...",
    "ClaimantOut.kind": "named (a person or body), unnamed (a description) or outlet (its "
    "own voice)",
    "ClaimantOut.name": "the claimant's name or description",
    "Membership.predicate": "MEMBER_OF or LEADS",
    "EventChain.id": "the event the chain starts at",
    "Neighbourhood.id": "the node at the centre",
    "IngestResult.id": "the article's id",
    "IngestResult.status": "loaded (new), unchanged (same text) or updated (facts replaced)",
    "IngestCounts.entities": "entities taken from the article",
    "IngestCounts.events": "events taken from the article",
    "IngestCounts.relations": "relations taken from the article",
    "IngestRequest.text": "the article's text, plain",
    "IngestRequest.published": "publication day, YYYY-MM-DD: relative dates are read from it",
    "Health.status": "ok while the process runs",
    "Ready.status": "ready when the database answers",
}


def describe_fields(schema: dict[str, Any], model: type) -> None:
    """Fills in the description of every property of `model`'s schema that has none."""
    for field, prop in schema.get("properties", {}).items():
        if "description" in prop:
            continue
        text = OVERRIDES.get(f"{model.__name__}.{field}") or FIELDS.get(field)
        if text is not None:
            prop["description"] = text
