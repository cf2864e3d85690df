"""The read queries behind the API: timeline, rounds, roll calls, entities, events and articles.

Every function takes a GraphStore and returns a read model of graph.views (frozen pydantic,
the API's answers as they are); lists come as `Page`s with the cursor of the next page. An
unknown id raises graph.errors.NotFound, an unreachable database GraphUnavailable, a cursor
this API did not hand out InvalidCursor (a ValueError).
"""

from __future__ import annotations

from graph.cypher.queries import ReadQuery
from graph.reads.articles import list_articles, read_article_facts, read_article_text
from graph.reads.claims import read_claims, read_edges
from graph.reads.entities import (
    read_entity_articles,
    read_entity_events,
    read_entity_profile,
    read_node_relations,
    search_entities,
)
from graph.reads.events import MAX_CHAIN_DEPTH, ChainDirection, read_event_chain, read_event_profile
from graph.reads.neighbourhood import (
    DEFAULT_TYPES,
    EDGE_TYPES,
    MAX_DEPTH,
    MAX_NODES,
    read_neighbourhood,
)
from graph.reads.paging import InvalidCursor, decode_offset, decode_position
from graph.reads.rounds import read_round_attendees, read_rounds, read_timeline
from graph.reads.run import check_ready, read_revision, run_read
from graph.reads.search import search_all, search_events
from graph.store import GraphStore

__all__ = [
    "DEFAULT_TYPES",
    "EDGE_TYPES",
    "MAX_CHAIN_DEPTH",
    "MAX_DEPTH",
    "MAX_NODES",
    "ChainDirection",
    "InvalidCursor",
    "ReadQuery",
    "check_ready",
    "decode_offset",
    "decode_position",
    "list_articles",
    "read_article_facts",
    "read_article_text",
    "read_claims",
    "read_edges",
    "read_entity_articles",
    "read_entity_events",
    "read_entity_profile",
    "read_event_chain",
    "read_event_profile",
    "read_neighbourhood",
    "read_node_relations",
    "read_revision",
    "read_round_attendees",
    "read_rounds",
    "read_timeline",
    "run_read",
    "search_all",
    "search_entities",
    "search_events",
    "warm_up",
]


def warm_up(store: GraphStore) -> None:
    """Runs the common queries once, so the first user does not wait for the server to warm up."""
    read_timeline(store, limit=1)
    read_rounds(store, limit=1)
    search_entities(store, "a", limit=1)
