"""What a cached answer depends on: the ids it names, and for lists what else a write changes."""

from __future__ import annotations

from collections.abc import Hashable

from api.depends import depends_of, named_ids
from graph.reads.changes import EVERYTHING, Change


def _changes(key: Hashable, body: bytes, change: Change) -> bool:
    keys = "\x00".join(sorted(change.keys))
    return depends_of(key, body).changed_by(change, change.ids, keys)


def test_named_ids_are_every_id_source_target_and_listed_article() -> None:
    body = (
        b'{"id":"e-1","other":{"id":"talks-1"},"claimant":{"entity_id":"p\\"q"},'
        b'"source":"Wire","links":[{"source":"v-1","target":"v-2","articles":["a-1","a-2"]}]}'
    )
    assert named_ids(body) == {"e-1", "talks-1", 'p"q', "Wire", "v-1", "v-2", "a-1", "a-2"}


def test_an_anchored_answer_follows_its_node_and_the_nodes_it_names() -> None:
    key = ("entity", "mara-velden", None)
    body = b'{"id":"mara-velden","relations":{"items":[{"other":{"id":"talks-1"}}]}}'
    assert _changes(key, body, Change(events=frozenset({"talks-1"})))
    assert _changes(key, b"{}", Change(entities=frozenset({"mara-velden"})))
    assert not _changes(key, body, Change(entities=frozenset({"someone-else"})))
    assert not _changes(key, body, Change())
    assert _changes(key, body, EVERYTHING)


def test_a_timeline_page_follows_events_moved_within_its_days() -> None:
    key = ("timeline", "2031-03-01", "2031-03-31", None, None, 50, None, None)
    moved = Change(events=frozenset({"x"}), moved=frozenset({"2031-03-04"}))
    assert _changes(key, b'{"items":[]}', moved)
    april = frozenset({"2031-04-01"})
    later = Change(events=frozenset({"x"}), moved=april, dated=april)
    assert not _changes(key, b'{"items":[]}', later)
    undated = Change(events=frozenset({"x"}), moved=frozenset({""}))
    assert not _changes(key, b'{"items":[]}', undated)
    everything = ("timeline", None, None, None, None, 50, None, None)
    assert _changes(everything, b'{"items":[]}', undated)
    # Touched without moving: only a page of one standing, or one that names it, follows it.
    touched = Change(events=frozenset({"x"}), dated=frozenset({"2031-03-04"}))
    assert not _changes(key, b'{"items":[]}', touched)
    assert _changes((*key[:7], "confirmed"), b'{"items":[]}', touched)
    assert _changes(key, b'{"items":[{"id":"x"}]}', touched)


def test_rounds_follow_delegations_members_and_an_actor_page_its_actor() -> None:
    rounds = ("rounds", None, None, 200, None, None)
    assert _changes(rounds, b'{"items":[]}', Change(members=True))
    actor = ("timeline", None, None, None, "northland", 50, None, None)
    assert _changes(actor, b'{"items":[]}', Change(entities=frozenset({"northland"})))


def test_a_search_follows_the_entities_whose_keys_hold_its_term() -> None:
    key = ("search", "Velden", None, 20, 0)
    body = b'{"items":[{"id":"mara-velden","rank":1}],"total":1}'
    assert _changes(key, body, Change(keys=frozenset({"ilse velden"})))
    assert not _changes(key, body, Change(entities=frozenset({"x"}), keys=frozenset({"x"})))
    misspelt = b'{"items":[{"id":"mara-velden","rank":4}],"total":1}'
    assert _changes(key, misspelt, Change(entities=frozenset({"x"}), keys=frozenset({"x"})))
    assert _changes(("search", None, None, 20, 0), body, Change(entities=frozenset({"x"})))


def test_unknown_questions_and_article_lists_follow_every_write_of_their_kind() -> None:
    assert _changes("k", b"x", Change(issues=frozenset({"i"})))
    assert _changes(("articles", None, 50, 0), b'{"items":[]}', Change(articles=frozenset({"a"})))
    assert not _changes(("articles", None, 50, 0), b'{"items":[]}', Change(members=True))
