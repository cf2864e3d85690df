"""Errors raised by graph/; driver exceptions are translated here once.

GraphError
├── NotFound            an id the caller asked for is not in the graph
├── GraphUnavailable    the database cannot be reached (or the embedded one is not running)
├── GraphAuthFailed     the database refused the credentials
├── WriteRejected       the database refused one article's facts (that article fails alone)
└── EmbeddedServerError the embedded server cannot be started or stopped
    ├── AlreadyRunning
    └── PortInUse
"""

from __future__ import annotations


class GraphError(Exception):
    """Base of every error raised by the graph package."""


class NotFound(GraphError):
    """An id the caller asked for is not in the graph."""

    def __init__(self, kind: str, id_: str) -> None:
        super().__init__(f"{kind} {id_!r} not found")
        self.kind = kind
        self.id = id_


class GraphUnavailable(GraphError):
    """The database cannot be reached."""


class GraphAuthFailed(GraphError):
    """The database refused the credentials."""


class WriteRejected(GraphError):
    """The database refused one article's facts; nothing of that article was written."""


class EmbeddedServerError(GraphError):
    """The embedded server cannot be started or stopped."""


class AlreadyRunning(EmbeddedServerError):
    """The embedded server is already running."""


class PortInUse(EmbeddedServerError):
    """A port the embedded server needs is taken by another process."""
