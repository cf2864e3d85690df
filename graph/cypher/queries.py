"""The names of the read queries of graph/cypher, as an enum checked against the files at import.

`GraphStore.read`, the one runner of reads, takes only these: a misspelt name is an
AttributeError where it is written (and a mypy error), not a KeyError when the query first runs,
a string of Cypher is refused before anything is sent, and a member whose file is missing fails
the import, naming it.
"""

from __future__ import annotations

from enum import StrEnum

from graph.cypher import catalog


class ReadQuery(StrEnum):
    """A read query of the catalog: one `name.cypher` file each."""

    COUNT_ACTOR_EVENTS = "count_actor_events"
    COUNT_ARTICLES = "count_articles"
    COUNT_EDGES = "count_edges"
    COUNT_ENTITIES = "count_entities"
    COUNT_ENTITY_EVENTS = "count_entity_events"
    COUNT_EVENTS = "count_events"
    COUNT_NODE_RELATIONS = "count_node_relations"
    COUNT_NODES = "count_nodes"
    COUNT_SEARCH_ARTICLES = "count_search_articles"
    COUNT_SEARCH_ENTITIES = "count_search_entities"
    EXPORT_ARTICLES = "export_articles"
    EXPORT_ENTITIES = "export_entities"
    EXPORT_EVENTS = "export_events"
    EXPORT_EVIDENCE = "export_evidence"
    EXPORT_RELATIONS = "export_relations"
    READ_ARTICLE_EVIDENCE = "read_article_evidence"
    READ_ARTICLE_HASHES = "read_article_hashes"
    READ_ARTICLE_MENTIONS = "read_article_mentions"
    READ_ARTICLE_RELATIONS = "read_article_relations"
    READ_ARTICLE_TEXT = "read_article_text"
    READ_ARTICLES = "read_articles"
    READ_ARTICLES_BY_ID = "read_articles_by_id"
    READ_ARTICLES_OLDER = "read_articles_older"
    READ_ARTICLES_WINDOW = "read_articles_window"
    READ_BUSIEST_ENTITIES = "read_busiest_entities"
    READ_CHANGE_HEAD = "read_change_head"
    READ_CHANGES = "read_changes"
    READ_DATES_BETWEEN = "read_dates_between"
    READ_DELEGATIONS = "read_delegations"
    READ_ENTITIES = "read_entities"
    READ_ENTITY = "read_entity"
    READ_ENTITY_ARTICLES = "read_entity_articles"
    READ_ENTITY_EVENTS = "read_entity_events"
    READ_EVENT = "read_event"
    READ_EVENT_DETAILS = "read_event_details"
    READ_EVENT_LINKS = "read_event_links"
    READ_EVENT_PARTICIPATIONS = "read_event_participations"
    READ_EVENTS = "read_events"
    READ_EVIDENCE = "read_evidence"
    READ_FACT_EDGES = "read_fact_edges"
    READ_FIRST_DATE = "read_first_date"
    READ_MEMBERS = "read_members"
    READ_MIN_DATE = "read_min_date"
    READ_NEIGHBOURS = "read_neighbours"
    READ_NEWEST_PUBLISHED = "read_newest_published"
    READ_NODE = "read_node"
    READ_NODE_RELATIONS = "read_node_relations"
    READ_READY = "read_ready"
    READ_RELATION_ITEMS = "read_relation_items"
    READ_RELATION_SUMMARY = "read_relation_summary"
    READ_REVISION = "read_revision"
    READ_ROUND_ATTENDEES = "read_round_attendees"
    READ_SEARCH_KEYS = "read_search_keys"
    READ_TIMELINE = "read_timeline"
    READ_TIMELINE_ACTOR = "read_timeline_actor"
    READ_TIMELINE_UNDATED = "read_timeline_undated"
    READ_TIMELINE_WINDOW = "read_timeline_window"
    SEARCH_ARTICLES = "search_articles"
    SEARCH_ENTITIES = "search_entities"
    SEARCH_EVENTS = "search_events"


_MISSING = sorted(set(ReadQuery) - set(catalog.names()))
if _MISSING:
    raise ImportError(f"read queries without a file in {catalog.QUERY_DIR}: {_MISSING}")
