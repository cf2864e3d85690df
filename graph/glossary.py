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
    "DerivedEnd.label": "human-readable label of the event at this end",
    "ChainLink.predicate": "CAUSED or PRECEDED",
    "ChainLink.source": "id of the earlier event (the cause)",
    "ChainLink.target": "id of the later event (the effect)",
    "ChainLink.article_ids": "ids of the articles that state the link",
    "GraphEdge.predicate": "edge type (a fact type, PARTICIPATED_IN, HELD_IN or MENTIONS)",
    "GraphEdge.source": "id of the edge's source node",
    "GraphEdge.target": "id of the edge's target node",
    "GraphEdge.article_count": "how many articles state the edge",
    "GraphEdge.role": "the role, for a PARTICIPATED_IN edge",
    "Relation.article_ids": "ids of the articles that state the relation",
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


ROUND = "talks-doha-2024-08"
ARTICLE = "003_fee297e723815dd1"
QUOTE = (
    "White House press secretary Karine Jean-Pierre said that CIA director Bill Burns and U.S. "
    "Middle East envoy Brett McGurk will attend the United States delegation to the ceasefire "
    "meeting."
)
# An example of each field, from the seeds' August 2024 round in Doha (`Model.field` first).
EXAMPLES: dict[str, object] = {
    "id": ROUND,
    "name": "Bill Burns",
    "label": "Talks in Doha",
    "date": "2024-08-15",
    "date_start": "2024-08-15",
    "date_end": "2024-08-15",
    "confidence": 0.8,
    "article_count": 3,
    "attendee_count": 9,
    "event_count": 14,
    "sources": 2,
    "title": "US Wants to Continue Ceasefire Talks Despite $20 Billion Arms Sale to Israel",
    "source": "News Decensored",
    "published": "2024-08-14",
    "url": "https://example.org/2024/08/14/ceasefire-talks",
    "author": "Staff writer",
    "sentence": QUOTE,
    "start": 412,
    "end": 592,
    "entity_id": "karine-jean-pierre",
    "via": "Reuters",
    "rank": 0,
    "edits": 1,
    "matched": "Blinken",
    "next_cursor": "WyJvZmZzZXQiLDUwXQ",
    "total": 217,
    "truncated": False,
    "depth": 1,
    "distance": -1,
    "fact": "event",
    "rule": "rounds in date order",
    "predicate": "ATTENDED",
    "direction": "out",
    "target": ROUND,
    "type": "Person",
    "text": "US Wants to Continue Ceasefire Talks Despite $20 Billion Arms Sale to Israel ...",
    "entities": 14,
    "events": 3,
    "relations": 21,
    "articles": 2,
    "standings": {"confirmed": [], "expected": ["us-delegation-2024-08", "bill-burns"]},
    "aliases": ["Burns", "William Burns"],
    "roles": ["CIA director"],
    "did_you_mean": ["Yahya Sinwar"],
}
EXAMPLE_OVERRIDES: dict[str, object] = {
    **{f"{m}.id": ARTICLE for m in ("ArticleRef", "ArticleMeta", "ArticleText", "ArticleProfile")},
    **{f"{m}.id": "bill-burns" for m in ("Ref", "Participant", "Membership", "Attendee")},
    **{f"{m}.id": "bill-burns" for m in ("EntitySummary", "EntityProfile", "ArticleRelationEnd")},
    "IngestResult.id": ARTICLE,
    "IngestRequest.id": ARTICLE,
    "IngestRequest.text": QUOTE,
    "GraphEdge.predicate": "ATTENDED",
    "GraphEdge.source": "bill-burns",
    "ChainLink.source": "killing-yahya-sinwar",
    "ChainLink.target": "talks-doha-2024-10",
    "EventChain.direction": "forward",
    "Link.delegation_id": "us-delegation-2024-08",
    "Relation.article_ids": [ARTICLE],
    "ChainLink.article_ids": ["001_91095281d9933948"],
    "FactClaims.predicate": "ATTENDED",
    "Health.status": "ok",
    "Ready.status": "ready",
}


def plain(prop: dict[str, Any]) -> bool:
    """Whether a property holds plain values (not models or enums, nor lists of them)."""
    options = prop.get("anyOf", [prop])
    return not any(
        "$ref" in o or "enum" in o or ("items" in o and not plain(o["items"])) for o in options
    )


def describe_fields(schema: dict[str, Any], model: type) -> None:
    """Fills in the description of every property of `model`'s schema that has none, and an
    example of every plain value that has none."""
    for field, prop in schema.get("properties", {}).items():
        key = f"{model.__name__}.{field}"
        if "description" not in prop:
            text = OVERRIDES.get(key) or FIELDS.get(field)
            if text is not None:
                prop["description"] = text
        if "examples" not in prop and plain(prop):
            example = EXAMPLE_OVERRIDES.get(key, EXAMPLES.get(field))
            if example is not None:
                prop["examples"] = [example]
