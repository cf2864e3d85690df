"""The dependencies of the routes, each declared once as an Annotated alias."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from api.cache import RevisionCache
from api.connection import StoreHolder
from api.ingest import Ingest, IngestRunner
from api.security import key_refusal
from api.settings import ApiSettings
from graph.store import GraphStore


def get_settings(request: Request) -> ApiSettings:
    """The app's settings."""
    settings: ApiSettings = request.app.state.settings
    return settings


def get_store(request: Request) -> GraphStore:
    """The app's one GraphStore (503 while the database cannot be reached)."""
    holder: StoreHolder = request.app.state.stores
    return holder.get()


def get_cache(request: Request) -> RevisionCache:
    """The app's cache of costly answers, valid per graph revision."""
    cache: RevisionCache = request.app.state.cache
    return cache


def require_api_key(
    request: Request,
    x_api_key: Annotated[str | None, Header(description="the server's KG_API_KEY")] = None,
) -> None:
    """403 when ingest is disabled, 401 without a key, 403 with a wrong one."""
    configured = get_settings(request).kg_api_key
    expected = configured.get_secret_value() if configured is not None else ""
    refusal = key_refusal(expected, x_api_key)
    if refusal is not None:
        status, detail = refusal
        headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
        raise HTTPException(status_code=status, detail=detail, headers=headers)


def get_ingest(request: Request) -> Ingest:
    """The extraction the app was built with; 403 when it was built without one."""
    ingest: Ingest | None = request.app.state.ingest
    if ingest is None:
        raise HTTPException(
            status_code=403,
            detail="ingest is disabled on this server: "
            "it was started without an extraction pipeline",
        )
    return ingest


def get_ingest_runner(request: Request) -> IngestRunner:
    """The app's extraction pool and write lock for POST /articles."""
    runner: IngestRunner = request.app.state.ingest_runner
    return runner


SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
StoreDep = Annotated[GraphStore, Depends(get_store)]
CacheDep = Annotated[RevisionCache, Depends(get_cache)]
ApiKeyDep = Annotated[None, Depends(require_api_key)]
IngestDep = Annotated[Ingest, Depends(get_ingest)]
IngestRunnerDep = Annotated[IngestRunner, Depends(get_ingest_runner)]
