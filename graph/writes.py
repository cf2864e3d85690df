"""Writing articles' facts: rows built from the models, batched `UNWIND $rows` merges.

Every row names its article, so the rows of several articles can share one transaction;
`write_batch` writes many articles in one transaction with the result of writing them one
after another (UNWIND keeps the rows in order, and the merges of one kind touch a node in
article order).
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.claims import article_evidence, article_statuses, claimant_fields
from graph.cypher import catalog
from graph.models import (
    ArticleFacts,
    ClaimStatus,
    Evidence,
    NodeLabel,
    Predicate,
    WriteStatus,
)
from graph.names import search_keys
from graph.sequence import RoundSequence
from graph.summaries import EntitySummaries

Row = dict[str, Any]
_seq_lock = threading.Lock()
_last_seq = 0


def next_seq() -> int:
    """An increasing write sequence number (clock nanoseconds): which mention came first."""
    global _last_seq
    with _seq_lock:
        _last_seq = max(time.time_ns(), _last_seq + 1)
        return _last_seq


@dataclass
class ArticleRows:
    """The rows of one or more articles, one list per kind of write."""

    articles: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    issues: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    places: list[Row] = field(default_factory=list)
    relations: dict[tuple[Predicate, NodeLabel, NodeLabel], list[Row]] = field(
        default_factory=lambda: defaultdict(list)
    )
    evidence: list[Row] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Rows in all, a measure of the work a write does."""
        fixed = (
            self.articles,
            self.entities,
            self.events,
            self.issues,
            self.participants,
            self.places,
            self.evidence,
        )
        return sum(len(x) for x in fixed) + sum(len(v) for v in self.relations.values())


def _evidence_row(fact: str, ev: Evidence, status: ClaimStatus | None) -> Row:
    digest = hashlib.sha1(
        f"{fact}\x1f{ev.article_id}\x1f{ev.start}".encode(), usedforsecurity=False
    ).hexdigest()[:20]
    return {
        "id": digest,
        "fact": fact,
        "article": ev.article_id,
        "sentence": ev.sentence,
        "start_char": ev.start,
        "end_char": ev.end,
        "confidence": ev.confidence,
        "status": str(status) if status is not None else None,
        **claimant_fields(ev),
    }


def build_rows(facts: ArticleFacts, into: ArticleRows | None = None) -> ArticleRows:
    """The rows that write one article's facts (appended to `into` when given)."""
    rows = into if into is not None else ArticleRows()
    a = facts.article
    aid = a.id
    status = article_statuses(facts)
    rows.articles.append(a.model_dump(mode="json"))
    seq = next_seq()
    for e in facts.entities:
        conf = max((ev.confidence for ev in e.evidence), default=0.5)
        rows.entities.append(
            {
                "article": aid,
                "id": e.id,
                "type": str(e.type),
                "name": e.name,
                "aliases": list(e.aliases),
                "roles": list(e.roles),
                "confidence": conf,
                "search_keys": search_keys(e.name, *e.aliases),
                "seq": seq,
            }
        )
    for v in facts.events:
        conf = max((ev.confidence for ev in v.evidence), default=0.5)
        when = v.when
        rows.events.append(
            {
                "article": aid,
                "id": v.id,
                "kind": str(v.kind),
                "label": v.label,
                "date": v.date,
                "date_precision": str(when.precision) if when else None,
                # merge_events keeps the finer date: PartialDate.finer_than, as a rank
                "precision_rank": when.rank if when else None,
                "confidence": conf,
                "status": str(status[v.id]),
                "seq": seq,
            }
        )
        if v.place_id is not None:
            rows.places.append(
                {"article": aid, "event": v.id, "place": v.place_id, "key": v.place_key}
            )
        for p in v.participants:
            key = v.participation_key(p)
            rows.participants.append(
                {
                    "article": aid,
                    "entity": p.entity_id,
                    "event": v.id,
                    "role": str(p.role),
                    "key": key,
                }
            )
    for r in facts.relations:
        if r.object_id is None:
            rows.issues.append({"article": aid, "id": r.target_id, "text": r.object_text})
        rows.relations[(r.predicate, r.subject_label, r.target_label)].append(
            {
                "article": aid,
                "subject": r.subject_id,
                "object": r.target_id,
                "key": r.key,
                "confidence": r.evidence.confidence,
                "status": str(status[r.key]),
            }
        )
    rows.evidence.extend(_evidence_row(*claim) for claim in article_evidence(facts))
    return rows


def relation_merge(from_: NodeLabel, to: NodeLabel) -> str:
    """The merge query for relations between two labels, starting from the end with fewer edges.

    An event has a handful of edges and an issue is one demand, while an entity such as a country
    can be the subject of thousands; between two entities (a person and a delegation) the subject
    is the narrower end.
    """
    if from_ is NodeLabel.EVENT or to is NodeLabel.ENTITY:
        return "merge_relations"
    return "merge_relations_from_object"


def write_rows(tx: ManagedTransaction, rows: ArticleRows) -> None:
    """Runs every merge of `rows` in the transaction `tx`, nodes before edges."""
    for name, batch in (
        ("merge_article", rows.articles),
        ("merge_entities", rows.entities),
        ("settle_entity_types", rows.entities),
        ("merge_events", rows.events),
        ("merge_issues", rows.issues),
        ("merge_participants", rows.participants),
        ("merge_places", rows.places),
    ):
        if batch:
            query = catalog.render(name)
            tx.run(query, rows=batch, **catalog.status_params(query)).consume()
    for (predicate, from_, to), batch in sorted(rows.relations.items()):
        query = catalog.render(relation_merge(from_, to), type_=predicate, from_=from_, to=to)
        tx.run(query, rows=batch, **catalog.status_params(query)).consume()
    if rows.evidence:
        tx.run(catalog.render("merge_evidence"), rows=rows.evidence).consume()
    mark_revision(tx, rows)


def _newest(rows: list[Row], key: str) -> str | None:
    return max((str(r[key]) for r in rows if r.get(key)), default=None)


def mark_revision(tx: ManagedTransaction, written: ArticleRows | None = None) -> None:
    """Gives the graph a new revision token in `tx`, so cached answers of the old one expire,
    and raises the newest publication date to that of the rows `written`.

    A random token, not a counter: a counter restarting after `delete_all` could repeat a
    revision a cache still holds.
    """
    tx.run(
        catalog.render("mark_revision"),
        revision=uuid.uuid4().hex,
        published=_newest(written.articles, "published") if written else None,
    ).consume()


def retract_article(tx: ManagedTransaction, article_id: str) -> None:
    """Removes one article's facts, keeping what other articles state (and their statuses)."""
    for name in (
        "retract_article_claims",
        "retract_article_contributions",
        "retract_article_event_contributions",
        "retract_article_edges",
        "retract_article_nodes",
        "retract_article_evidence",
    ):
        query = catalog.render(name)
        tx.run(query, article=article_id, **catalog.status_params(query)).consume()


def write_article_rows(
    tx: ManagedTransaction, facts: ArticleFacts, rows: ArticleRows
) -> WriteStatus:
    """Writes one article's prepared rows in `tx`: UNCHANGED when its stored hash is its own,
    else it replaces what the article stated before, relinks the rounds it touches and moves
    the summaries of the entities it touches."""
    aid = facts.article.id
    found = tx.run(catalog.render("read_article_hashes"), ids=[aid]).data()
    if found and found[0]["content_hash"] == facts.article.content_hash:
        return WriteStatus.UNCHANGED
    replaced = [aid] if found else []
    sequence = RoundSequence.note(tx, (v.id for v in facts.events), replaced)
    summaries = EntitySummaries.note(tx, [facts], replaced)
    if found:
        retract_article(tx, aid)
    write_rows(tx, rows)
    sequence.relink(tx)
    summaries.apply(tx, sequence.linked)
    return WriteStatus.UPDATED if found else WriteStatus.LOADED


def write_batch(tx: ManagedTransaction, batch: Sequence[ArticleFacts]) -> list[WriteStatus]:
    """Writes several articles in `tx` as if one after another; the status of each, in order.

    An article whose stored hash is its own is UNCHANGED; a changed one is retracted first
    (after the rows before it are written, so the order of effects is the serial order). The
    sequence of rounds is relinked around the rounds the batch touches and the summaries of the
    entities it touches are moved (graph.summaries), in the same transaction.
    """
    ids = list(dict.fromkeys(f.article.id for f in batch))
    found = tx.run(catalog.render("read_article_hashes"), ids=ids).data()
    stored: dict[str, str] = {r["id"]: r["content_hash"] for r in found}
    # What the batch can change: every article of it (an article given twice ends as its last
    # version, which may equal what is stored), and what the stored ones it replaces stated.
    changed = [f for f in batch if stored.get(f.article.id) != f.article.content_hash]
    replaced = list(dict.fromkeys(f.article.id for f in changed if f.article.id in stored))
    sequence = RoundSequence.note(tx, (v.id for f in batch for v in f.events), replaced)
    summaries = EntitySummaries.note(tx, batch, replaced)
    statuses: list[WriteStatus] = []
    rows = ArticleRows()
    for facts in batch:
        aid, digest = facts.article.id, facts.article.content_hash
        previous = stored.get(aid)
        if previous == digest:
            statuses.append(WriteStatus.UNCHANGED)
            continue
        if previous is not None:
            if rows.count:
                write_rows(tx, rows)
                rows = ArticleRows()
            retract_article(tx, aid)
        build_rows(facts, into=rows)
        stored[aid] = digest
        statuses.append(WriteStatus.LOADED if previous is None else WriteStatus.UPDATED)
    if rows.count:
        write_rows(tx, rows)
    sequence.relink(tx)
    summaries.apply(tx, sequence.linked)
    return statuses
