"""The app's one GraphStore, connected lazily so the app starts while the database is down."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from graph.errors import GraphError, GraphUnavailable
from graph.reads import warm_up
from graph.settings import Settings
from graph.store import GraphStore

log = logging.getLogger(__name__)


class StoreHolder:
    """Holds the store once connected; until then each use tries to connect, one at a time."""

    def __init__(
        self,
        settings: Settings,
        connect: Callable[[Settings], GraphStore] = GraphStore.connect,
        wait: float = 5.0,
    ) -> None:
        self._settings = settings
        self._connect = connect
        self._wait = wait
        self._lock = threading.Lock()
        self._store: GraphStore | None = None

    def get(self) -> GraphStore:
        """The connected store; GraphUnavailable or GraphAuthFailed when it cannot connect."""
        store = self._store
        if store is not None:
            return store
        if not self._lock.acquire(timeout=self._wait):
            raise GraphUnavailable("still connecting to the database")
        try:
            if self._store is None:
                self._store = self._connect(self._settings)
                log.info("connected to the graph database at %s", self._store.target)
            return self._store
        finally:
            self._lock.release()

    def connect_and_warm_up(self) -> None:
        """Connects and runs the common queries once; failures are logged, not raised."""
        try:
            warm_up(self.get())
        except GraphError as e:
            log.warning("the graph database is not ready yet: %s", e)
        except Exception:  # a background thread: report, never die silently
            log.exception("warming up the graph database failed")

    def close(self) -> None:
        """Closes the driver if it was opened."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
