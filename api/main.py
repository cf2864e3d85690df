"""create_app(): the FastAPI app over the graph; the lifespan opens its one GraphStore."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api.connection import StoreHolder
from api.deps import Ingest
from api.errors import add_error_handlers
from api.limits import BodySizeLimit
from api.routes import articles, entities, events, graph, health, rounds, timeline
from graph.settings import Settings, get_settings

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"
WARM_UP_GRACE = 30.0

DESCRIPTION = """
A temporal knowledge graph of negotiation news: who met whom, who mediated, who demanded what,
what led to what, with the source sentence behind every fact.

Unknown ids answer 404, bad parameters 422, and 503 while the database cannot be reached.
"""


def create_app(settings: Settings | None = None, ingest: Ingest | None = None) -> FastAPI:
    """The API app; `ingest` turns a posted article into facts (no POST /articles without it)."""
    settings = settings if settings is not None else get_settings()
    stores = StoreHolder(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warming = threading.Thread(
            target=stores.connect_and_warm_up, name="graph-connect", daemon=True
        )
        warming.start()
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(warming.join, WARM_UP_GRACE)
            stores.close()

    app = FastAPI(
        title="Event timeline knowledge graph",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.ingest = ingest
    app.add_middleware(BodySizeLimit, max_bytes=settings.kg_max_article_bytes)
    add_error_handlers(app)
    for module in (timeline, rounds, entities, events, graph, articles, health):
        app.include_router(module.router)
    mount_page(app)
    return app


def mount_page(app: FastAPI) -> None:
    """Serves api/static at /static and its index.html at / when the page is there."""
    if not STATIC_DIR.is_dir():
        return
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    index = STATIC_DIR / "index.html"
    if index.is_file():

        @app.get("/", include_in_schema=False)
        def get_page() -> FileResponse:
            return FileResponse(index)
