"""create_app(): the FastAPI app over the graph; the lifespan opens its one GraphStore."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api.cache import MB, RevisionCache
from api.connection import StoreHolder
from api.docs import DOCS_PACKAGES, mount_docs
from api.errors import add_error_handlers
from api.ingest import Ingest, IngestRunner
from api.limits import BodySizeLimit
from api.precompute import Precomputer
from api.routes import (
    articles,
    claims,
    entities,
    events,
    graph,
    health,
    rounds,
    search,
    timeline,
)
from api.security import KeyBeforeBody, SecurityHeaders
from api.settings import ApiSettings, get_api_settings
from graph.store import GraphStore

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
VENDOR_PACKAGES = ("cytoscape", "cytoscape-fcose", "cose-base", "layout-base", "d3", *DOCS_PACKAGES)
WARM_UP_GRACE = 30.0

DESCRIPTION = """
A temporal knowledge graph of negotiation news: who met whom, who mediated, who demanded what,
what led to what, with the source sentence behind every fact.

Unknown ids answer 404, bad parameters 422, and 503 while the database cannot be reached
(with Retry-After). Every error is `application/problem+json` (RFC 9457): `type`, `title`,
`status`, `detail`, `instance`, and for a 422 `errors`, each bad field with where and why.

Read answers carry an `ETag` that changes when the graph does: send it back as
`If-None-Match` and an unchanged answer is a 304 with no body.
"""


def create_app(settings: ApiSettings | None = None, ingest: Ingest | None = None) -> FastAPI:
    """The API app; `ingest` turns a posted article into facts (no POST /articles without it)."""
    settings = settings if settings is not None else get_api_settings()
    budget = settings.kg_api_retry_seconds
    stores = StoreHolder(settings, lambda s: GraphStore.connect(s, retry_seconds=budget))

    cache = RevisionCache(max_bytes=settings.kg_cache_mb * MB)
    precomputer = Precomputer(stores, cache, settings.kg_precompute_entities)
    runner = IngestRunner(settings.kg_ingest_concurrency)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warming = threading.Thread(
            target=stores.connect_and_warm_up, name="graph-connect", daemon=True
        )
        warming.start()
        precomputer.start()
        try:
            yield
        finally:
            await anyio.to_thread.run_sync(precomputer.stop)
            await anyio.to_thread.run_sync(runner.close)
            await anyio.to_thread.run_sync(warming.join, WARM_UP_GRACE)
            stores.close()

    app = FastAPI(
        title="Event timeline knowledge graph",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.ingest = ingest
    app.state.ingest_runner = runner
    app.state.cache = cache
    app.state.precomputer = precomputer
    key = settings.kg_api_key.get_secret_value() if settings.kg_api_key is not None else ""
    app.add_middleware(BodySizeLimit, max_bytes=settings.kg_max_article_bytes)
    app.add_middleware(KeyBeforeBody, expected=lambda: key)
    if settings.kg_cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.kg_cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    app.add_middleware(SecurityHeaders)
    add_error_handlers(app)
    for module in (timeline, rounds, entities, events, search, graph, articles, claims, health):
        app.include_router(module.router)
    mount_docs(app)
    mount_page(app)
    mount_vendor(app, settings.kg_node_modules or DEFAULT_NODE_MODULES)
    return app


def mount_vendor(app: FastAPI, node_modules: Path) -> None:
    """Serves the page's npm packages at /vendor/<package>/...; a clear 404 when not installed."""
    missing = [name for name in VENDOR_PACKAGES if not (node_modules / name).is_dir()]
    for name in VENDOR_PACKAGES:
        if name not in missing:
            app.mount(f"/vendor/{name}", StaticFiles(directory=node_modules / name), name=name)
    if not missing:
        return
    hint = f"page libraries {missing} not found in {node_modules}: run `npm ci` in the repo root"
    log.warning(hint)

    @app.get("/vendor/{path:path}", include_in_schema=False)
    def get_missing_vendor(path: str) -> None:
        raise HTTPException(status_code=404, detail=hint)


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
