"""GraphStore: the front door to the graph for the CLI, the loaders' caller and the API."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import TransientError

from graph import embedded
from graph.cypher import catalog
from graph.cypher.queries import ReadQuery
from graph.driver import rejections, translate_errors
from graph.errors import GraphError, GraphUnavailable, WriteRejected
from graph.keys import rebuild_keys
from graph.models import ArticleFacts, NodeLabel, Predicate, WriteStatus
from graph.sequence import ROUND_SEQUENCE_RULE, RoundSequence, derive_all
from graph.settings import Settings
from graph.summaries import EntitySummaries
from graph.unify import EventIndex
from graph.writes import (
    ArticleRows,
    build_rows,
    mark_revision,
    retract_article,
    write_article_rows,
    write_batch,
)

__all__ = ["ROUND_SEQUENCE_RULE", "GraphStore", "translate_errors"]

log = logging.getLogger(__name__)
T = TypeVar("T")
Row = dict[str, Any]
READ_ATTEMPTS = 2  # tries of one read in all
READ_RETRY_DELAY = 0.2  # seconds before the second try (times the try's number after)


class GraphStore:
    """Connection, schema, writes and reads of the graph; one per process, sessions short-lived."""

    def __init__(
        self, driver: Driver, database: str, target: str, retry_seconds: float | None = None
    ) -> None:
        self._driver = driver
        self.database = database
        self.target = target
        # How long the driver may retry one transaction (its own defaults: 30 s, from 1 s).
        self._retry_time = 30.0 if retry_seconds is None else retry_seconds
        self._retry_delay = 1.0 if retry_seconds is None else min(0.25, retry_seconds / 2)

    @classmethod
    def connect(cls, settings: Settings, retry_seconds: float | None = None) -> GraphStore:
        """Opens a driver to Neo4j (NEO4J_URI) or to the running embedded server.

        ``retry_seconds`` bounds the driver's retries of one transaction (the API's budget).
        """
        if settings.neo4j_uri:
            password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
            driver = GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, password))
            store = cls(driver, settings.neo4j_database, settings.neo4j_uri, retry_seconds)
        else:
            info = embedded.running(settings.kg_data_dir.resolve())
            if info is None:
                raise GraphUnavailable(
                    f"the embedded database is not running (data folder {settings.kg_data_dir}): "
                    "start it with `kg db start`"
                )
            password = embedded.read_password(info.data_dir)
            driver = GraphDatabase.driver(
                info.uri, auth=(embedded.USER, password), max_connection_lifetime=3600
            )
            store = cls(driver, embedded.DATABASE, info.uri, retry_seconds)
        try:
            store.verify()
        except GraphError:
            driver.close()
            raise
        return store

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session on the configured database, driver errors translated."""
        with (
            translate_errors(self.target),
            self._driver.session(
                database=self.database,
                max_transaction_retry_time=self._retry_time,
                initial_retry_delay=self._retry_delay,
            ) as s,
        ):
            yield s

    def verify(self) -> None:
        """Raises GraphUnavailable or GraphAuthFailed unless the database answers a query."""
        self.read(ReadQuery.READ_READY)

    def read(
        self,
        query: ReadQuery,
        *,
        type_: Predicate | None = None,
        from_: NodeLabel | None = None,
        to: NodeLabel | None = None,
        attempts: int = READ_ATTEMPTS,
        **params: Any,
    ) -> list[Row]:
        """Rows of one read query of the catalog, as dicts: the one way reads are run.

        The query is a ReadQuery (its placeholders filled from the enums given), never a string
        of Cypher. Each read is one auto-commit query (one round trip, where a transaction adds
        BEGIN and COMMIT), retried `attempts` times in all on a transient failure or an
        unreachable server, so a read behind an HTTP request fails within a second instead of
        the driver's minute of retries; then GraphUnavailable.
        """
        text = catalog.render(_read_query(query), type_=type_, from_=from_, to=to)
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as s:
                    return [r.data() for r in s.run(text, params)]
            except (GraphUnavailable, TransientError) as e:
                if attempt >= attempts:
                    if isinstance(e, TransientError):
                        raise GraphUnavailable(f"the database is busy: {e.message}") from e
                    raise
                log.info("read failed (%s); retrying", e.__class__.__name__)
                time.sleep(READ_RETRY_DELAY * attempt)
        raise AssertionError("unreachable")

    def read_value(self, query: ReadQuery, key: str, **params: Any) -> Any:
        """One value of the first row of a read query, or None."""
        rows = self.read(query, **params)
        return rows[0][key] if rows else None

    def write(self, work: Callable[[ManagedTransaction], T]) -> T:
        """Runs `work` in one write transaction (retried by the driver on transient errors)."""
        with self.session() as s:
            return s.execute_write(work)

    # -- schema

    def ensure_schema(self) -> int:
        """Applies schema.cypher and brings older graphs up to date; idempotent.

        Returns the number of schema statements run.
        """
        statements = catalog.schema_statements()
        with self.session() as s:
            for stmt in statements:
                s.run(stmt).consume()
        self.write(_migrate_article_counts)
        self.write(_migrate_newest_published)
        self.write(_migrate_event_counts)
        keyed = self.write(rebuild_keys)
        if keyed:
            log.info("made the search keys of %d entities of an older graph", keyed)
        return len(statements)

    # -- writes

    def article_hash(self, article_id: str) -> str | None:
        """The content hash stored for an article, or None when it is not in the graph."""
        return self.article_hashes([article_id]).get(article_id)

    def article_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        """The content hashes stored for the articles of `ids` that are in the graph."""
        rows = self.read(ReadQuery.READ_ARTICLE_HASHES, ids=list(ids))
        return {r["id"]: r["content_hash"] for r in rows}

    def write_article(self, facts: ArticleFacts, events: EventIndex | None = None) -> WriteStatus:
        """Merges one article's facts in one transaction; a changed article replaces its own.

        The transaction also relinks the sequence of rounds around the rounds it touches, so
        nothing is left to derive after a write. With `events`, the article's events are first
        renamed to the known ones they name, looked up in the same transaction (graph.unify).
        """
        if events is not None:
            with rejections(f"article {facts.article.id!r}"):
                ((_, status),) = self._write_unified([facts], events)
            return status
        return self.write_rows_of(facts, build_rows(facts))

    def write_rows_of(self, facts: ArticleFacts, rows: ArticleRows) -> WriteStatus:
        """Writes prepared rows of one article in one transaction (all or nothing)."""
        with rejections(f"article {facts.article.id!r}"):
            status = self.write(lambda tx: write_article_rows(tx, facts, rows))
        return status

    def write_unified(
        self, batch: Sequence[ArticleFacts], events: EventIndex
    ) -> list[tuple[ArticleFacts, WriteStatus | WriteRejected]]:
        """Writes articles as `write_articles` does, each with its events renamed to the known
        ones they name (graph.unify), looked up inside the write's own transaction, so that a
        concurrent writer's new events are seen; each article as written, with its outcome.

        A refused batch is written again one article at a time: the refused article is given
        as it came, with its WriteRejected, and `events` learns nothing from it.
        """
        if not batch:
            return []
        if len(batch) > 1:
            try:
                with rejections(f"a batch of {len(batch)} articles"):
                    return list(self._write_unified(batch, events))
            except WriteRejected as e:
                log.info("%s; writing its articles one at a time", e)
        out: list[tuple[ArticleFacts, WriteStatus | WriteRejected]] = []
        for facts in batch:
            try:
                with rejections(f"article {facts.article.id!r}"):
                    out.extend(self._write_unified([facts], events))
            except WriteRejected as e:
                out.append((facts, e))
        return out

    def _write_unified(
        self, batch: Sequence[ArticleFacts], events: EventIndex
    ) -> list[tuple[ArticleFacts, WriteStatus]]:
        """One transaction: look the known events up, unify, write (`events` kept only if it
        commits)."""

        def work(tx: ManagedTransaction) -> list[tuple[ArticleFacts, WriteStatus]]:
            events.rollback()  # a retried attempt starts from the index as it was
            events.look_up(tx, batch)
            unified = [events.unify(f) for f in batch]
            if len(unified) == 1:
                statuses = [write_article_rows(tx, unified[0], build_rows(unified[0]))]
            else:
                statuses = write_batch(tx, unified)
            events.wrote(tx)
            return list(zip(unified, statuses, strict=True))

        events.begin()
        try:
            return self.write(work)
        except BaseException:
            events.rollback()
            raise
        finally:
            events.commit()

    def write_articles(self, batch: Sequence[ArticleFacts]) -> list[WriteStatus | WriteRejected]:
        """Merges several articles in one transaction, as if written one after another.

        When the database refuses the batch, each article is retried in its own transaction,
        so a bad article fails alone: its entry is the WriteRejected, the others are written.
        An unreachable database raises GraphUnavailable.
        """
        if not batch:
            return []
        if len(batch) == 1:
            return [self._write_or_rejection(batch[0])]
        try:
            with rejections(f"a batch of {len(batch)} articles"):
                statuses = self.write(lambda tx: write_batch(tx, batch))
            return list(statuses)
        except WriteRejected as e:
            log.info("%s; writing its articles one at a time", e)
        return [self._write_or_rejection(facts) for facts in batch]

    def _write_or_rejection(self, facts: ArticleFacts) -> WriteStatus | WriteRejected:
        try:
            return self.write_article(facts)
        except WriteRejected as e:
            return e

    def delete_article(self, article_id: str) -> bool:
        """Removes one article and what it alone states, in one transaction; False if absent.

        Facts that other articles also state stay, with what those articles give them, as if
        the article had never been loaded.
        """

        def work(tx: ManagedTransaction) -> bool:
            if not tx.run(catalog.render("read_article_hashes"), ids=[article_id]).data():
                return False
            sequence = RoundSequence.note(tx, (), articles=[article_id])
            summaries = EntitySummaries.note(tx, [], [article_id])
            retract_article(tx, article_id)
            tx.run(catalog.render("delete_article"), article=article_id).consume()
            tx.run(catalog.render("recompute_newest_published")).consume()
            sequence.relink(tx)
            mark_revision(tx)
            summaries.apply(tx, sequence.linked)  # records the change: after the new revision
            return True

        with rejections(f"article {article_id!r}"):
            deleted = self.write(work)
        return deleted

    def derive_sequences(self) -> int:
        """Derives PRECEDED between successive rounds of talks again over the whole graph;
        returns the links.

        Every write already keeps the sequence (graph.sequence), so this only rebuilds it, for
        a graph written by an older version. Only rounds stated or announced by some article are
        ordered; each link is marked derived, names its rule and keeps the dates of both ends.
        """

        def work(tx: ManagedTransaction) -> int:
            linked = derive_all(tx)
            mark_revision(tx)
            return linked

        return self.write(work)

    def delete_all(self) -> None:
        """Removes every node and edge (used by `kg db reset` and by tests)."""

        def work(tx: ManagedTransaction) -> None:
            tx.run(catalog.render("delete_all")).consume()
            tx.run(catalog.render("mark_search_keys_indexed")).consume()  # none, all in step
            mark_revision(tx)

        self.write(work)

    # -- counts

    def counts(self) -> dict[str, int]:
        """Nodes per label and edges in all."""
        out: dict[str, int] = {}
        for label in NodeLabel:
            out[str(label)] = int(self.read_value(ReadQuery.COUNT_NODES, "c", from_=label) or 0)
        out["edges"] = int(self.read_value(ReadQuery.COUNT_EDGES, "c") or 0)
        return out


def _migrate_article_counts(tx: ManagedTransaction) -> None:
    """Nodes of graphs written before `article_count` existed get it from their article lists."""
    migrated = 0
    for label in (NodeLabel.ENTITY, NodeLabel.EVENT, NodeLabel.ISSUE):
        row = tx.run(catalog.render("migrate_article_counts", from_=label)).single()
        migrated += int(row["migrated"]) if row else 0
    if migrated:
        log.warning("counted the articles of %d nodes of an older graph", migrated)


def _migrate_event_counts(tx: ManagedTransaction) -> None:
    """Entities of graphs written before the event count was kept get it once."""
    row = tx.run(catalog.render("migrate_event_counts")).single()
    if row and row["migrated"]:
        log.info("counted the events of %d entities of an older graph", row["migrated"])


def _migrate_newest_published(tx: ManagedTransaction) -> None:
    """Graphs written before the newest publication date was kept get it once."""
    row = tx.run(catalog.render("migrate_newest_published")).single()
    if row and row["migrated"]:
        log.info("recorded the newest publication date of an older graph")


def _read_query(query: ReadQuery) -> ReadQuery:
    """`query` as a ReadQuery; a string that names none (say, Cypher) is refused."""
    try:
        return ReadQuery(query)
    except ValueError:
        raise ValueError(
            f"GraphStore.read runs the catalog's read queries (ReadQuery), not {str(query)[:60]!r}"
        ) from None
