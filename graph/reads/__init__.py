"""The read queries behind the API: timeline, rounds, roll calls, entities, events and articles.

Every function takes a GraphStore and returns plain dicts shaped for a response; an unknown id
raises graph.errors.NotFound, an unreachable database GraphUnavailable.
"""

from __future__ import annotations

from graph.reads.articles import list_articles, read_article_facts
from graph.reads.claims import read_claims
from graph.reads.entities import read_entity_profile, search_entities
from graph.reads.events import MAX_CHAIN_DEPTH, ChainDirection, read_event_chain, read_event_profile
from graph.reads.neighbourhood import (
    DEFAULT_TYPES,
    EDGE_TYPES,
    MAX_DEPTH,
    MAX_NODES,
    read_neighbourhood,
)
from graph.reads.rounds import read_round_attendees, read_rounds, read_timeline
from graph.reads.run import check_ready, read_revision
from graph.store import GraphStore

__all__ = [
    "DEFAULT_TYPES",
    "EDGE_TYPES",
    "MAX_CHAIN_DEPTH",
    "MAX_DEPTH",
    "MAX_NODES",
    "ChainDirection",
    "check_ready",
    "list_articles",
    "read_article_facts",
    "read_claims",
    "read_entity_profile",
    "read_event_chain",
    "read_event_profile",
    "read_neighbourhood",
    "read_revision",
    "read_round_attendees",
    "read_rounds",
    "read_timeline",
    "search_entities",
    "warm_up",
]


def warm_up(store: GraphStore) -> None:
    """Runs the common queries once, so the first user does not wait for the server to warm up."""
    read_timeline(store, limit=1)
    read_rounds(store, limit=1)
    search_entities(store, "a", limit=1)
