"""The driver's exceptions turned into graph errors, in one place.

`translate_errors` wraps every session of `graph.store`: refused credentials become
GraphAuthFailed, an unreachable server GraphUnavailable. `rejections` wraps every write: the
database refusing it becomes WriteRejected naming what was refused. `first_line` is the short
form of an error message both use (and the backup's).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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

from graph.errors import GraphAuthFailed, GraphUnavailable, WriteRejected

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


@contextmanager
def rejections(what: str) -> Iterator[None]:
    """Turns the database refusing a write into WriteRejected naming what was refused."""
    try:
        yield
    except (ConstraintError, ClientError, DatabaseError) as e:
        raise WriteRejected(f"{what} was not written: {first_line(e)}") from e
    except OverflowError as e:  # a value Bolt cannot carry, e.g. an integer beyond 64 bits
        raise WriteRejected(f"{what} was not written: {e}") from e
    except TransientError as e:
        raise WriteRejected(f"{what} was not written (retries exhausted): {first_line(e)}") from e
    except Neo4jError as e:
        raise WriteRejected(f"{what} was not written: {first_line(e)}") from e


def first_line(e: Exception) -> str:
    """The first line of an error's message (at most 300 characters), else its class name."""
    text = getattr(e, "message", None) or str(e)
    return str(text).strip().splitlines()[0][:300] if str(text).strip() else e.__class__.__name__
