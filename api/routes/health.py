"""GET /health (the process) and GET /ready (the database)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from api.deps import StoreDep
from api.problems import problems
from api.schemas import Health, Ready
from graph import reads

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def get_health() -> dict[str, Any]:
    """The process is up (the database is not asked)."""
    return {"status": "ok"}


@router.get(
    "/ready", response_model=Ready, responses=problems(503, s503="database down; see Retry-After")
)
def get_ready(store: StoreDep) -> dict[str, Any]:
    """The database answers; 503 with the reason when it does not."""
    reads.check_ready(store)
    return {"status": "ready"}
