"""GraphStore: the front door to the graph for the CLI, the loaders' caller and the API."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    DatabaseError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from graph import embedded
from graph.cypher import catalog
from graph.errors import GraphAuthFailed, GraphError, GraphUnavailable, WriteRejected
from graph.keys import rebuild_keys
from graph.models import ArticleFacts, NodeLabel, WriteStatus
from graph.sequence import ROUND_SEQUENCE_RULE, RoundSequence, derive_all
from graph.settings import Settings
from graph.summaries import EntitySummaries
from graph.writes import (
    ArticleRows,
    build_rows,
    mark_revision,
    retract_article,
    write_batch,
    write_rows,
)

__all__ = ["ROUND_SEQUENCE_RULE", "GraphStore", "translate_errors"]

log = logging.getLogger(__name__)
T = TypeVar("T")
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, OSError)


def _unavailable_message(target: str, error: Exception) -> str:
    return f"the database at {target} cannot be reached ({error.__class__.__name__}: {error})"


@contextmanager
def translate_errors(target: str) -> Iterator[None]:
    """Turns driver exceptions into graph errors that say what to do."""
    try:
        yield
    except AuthError as e:
        raise GraphAuthFailed(
            f"the database at {target} refused the credentials: check NEO4J_USER and "
            "NEO4J_PASSWORD (or the embedded server's password file)"
        ) from e
    except _UNAVAILABLE as e:
        raise GraphUnavailable(_unavailable_message(target, e)) from e
    except DriverError as e:
        raise GraphUnavailable(_unavailable_message(target, e)) from e


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
        self.read_value("RETURN 1 AS ok", "ok")

    def read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of one read query, as dicts."""

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [r.data() for r in tx.run(query, params)]

        with self.session() as s:
            return s.execute_read(work)

    def read_value(self, query: str, key: str, **params: Any) -> Any:
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
        rows = self.read(catalog.render("read_article_hashes"), ids=list(ids))
        return {r["id"]: r["content_hash"] for r in rows}

    def write_article(self, facts: ArticleFacts) -> WriteStatus:
        """Merges one article's facts in one transaction; a changed article replaces its own.

        The transaction also relinks the sequence of rounds around the rounds it touches, so
        nothing is left to derive after a write."""
        return self.write_rows_of(facts, build_rows(facts))

    def write_rows_of(self, facts: ArticleFacts, rows: ArticleRows) -> WriteStatus:
        """Writes prepared rows of one article in one transaction (all or nothing)."""
        aid = facts.article.id

        def work(tx: ManagedTransaction) -> WriteStatus:
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

        with _rejections(f"article {aid!r}"):
            status = self.write(work)
        return status

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
            with _rejections(f"a batch of {len(batch)} articles"):
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

        with _rejections(f"article {article_id!r}"):
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
            query = catalog.render("count_nodes", from_=label)
            out[str(label)] = int(self.read_value(query, "c") or 0)
        out["edges"] = int(self.read_value(catalog.render("count_edges"), "c") or 0)
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


@contextmanager
def _rejections(what: str) -> Iterator[None]:
    """Turns the database refusing a write into WriteRejected naming what was refused."""
    try:
        yield
    except (ConstraintError, ClientError, DatabaseError) as e:
        raise WriteRejected(f"{what} was not written: {_first_line(e)}") from e
    except OverflowError as e:  # a value Bolt cannot carry, e.g. an integer beyond 64 bits
        raise WriteRejected(f"{what} was not written: {e}") from e
    except TransientError as e:
        raise WriteRejected(f"{what} was not written (retries exhausted): {_first_line(e)}") from e
    except Neo4jError as e:
        raise WriteRejected(f"{what} was not written: {_first_line(e)}") from e


def _first_line(e: Exception) -> str:
    text = getattr(e, "message", None) or str(e)
    return str(text).strip().splitlines()[0][:300] if str(text).strip() else e.__class__.__name__
