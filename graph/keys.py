"""Entity search keys as nodes of their own, indexed, so a search reads only matching keys.

Every normalised name or alias of an entity (its `search_keys`) gives one SearchKey node per
word-start suffix ('benjamin netanyahu' gives 'benjamin netanyahu' and 'netanyahu'), with the
entity's id and `whole` when the suffix is the whole key. The index on `text` then answers each
rank of the search by a range of keys starting with the term: the whole key equal to it (0) or
starting with it (1), a run of whole words equal to it (2), a word starting with it (3). The
writer keeps the nodes in step with the entities' keys in the transaction of each write
(graph.summaries calls `sync_keys`); `rebuild_keys` makes them for a graph written before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from neo4j import ManagedTransaction

from graph.cypher import catalog

Keys = dict[str, bool]  # suffix -> whether it is a whole key
CHUNK = 2000  # key nodes written per query when rebuilding


def suffixes(keys: Iterable[str] | None) -> Keys:
    """The word-start suffixes of normalised keys, each marked whole when it is a key."""
    out: Keys = {}
    for key in keys or ():
        words = key.split(" ")
        for i in range(len(words)):
            text = " ".join(words[i:])
            if text:
                out[text] = out.get(text, False) or i == 0
    return out


def sync_keys(
    tx: ManagedTransaction,
    before: Mapping[str, Iterable[str] | None],
    after: Mapping[str, Iterable[str] | None],
) -> None:
    """Moves the key nodes of the entities of `before` and `after` (their search keys before and
    after a write; an entity missing from one did not exist then) from the old keys to the new."""
    add: list[dict[str, Any]] = []
    drop: list[dict[str, Any]] = []
    for eid in sorted(set(before) | set(after)):
        old, new = suffixes(before.get(eid)), suffixes(after.get(eid))
        if old == new:
            continue
        drop += [{"entity": eid, "text": t} for t in old if t not in new]
        add += [{"entity": eid, "text": t, "whole": w} for t, w in new.items() if old.get(t) != w]
    if drop:
        tx.run(catalog.render("delete_search_keys"), rows=drop).consume()
    if add:
        tx.run(catalog.render("merge_search_keys"), rows=add).consume()


def rebuild_keys(tx: ManagedTransaction) -> int:
    """Makes the key nodes of every entity again, once per graph; returns the entities keyed
    (0 when the graph's keys are already nodes)."""
    row = tx.run(catalog.render("read_search_key_state")).single()
    if row is not None and row["indexed"]:
        return 0
    tx.run(catalog.render("delete_all_search_keys")).consume()
    entities = [(r["id"], r["search_keys"]) for r in tx.run(catalog.render("read_entity_keys"))]
    rows = [
        {"entity": eid, "text": t, "whole": w}
        for eid, keys in entities
        for t, w in suffixes(keys).items()
    ]
    for i in range(0, len(rows), CHUNK):
        tx.run(catalog.render("merge_search_keys"), rows=rows[i : i + CHUNK]).consume()
    tx.run(catalog.render("mark_search_keys_indexed")).consume()
    return len(entities)
