"""Graph errors mapped to HTTP answers; nothing internal (stack, Cypher, addresses) leaks.

invalid request   -> 422 naming each field and why, never echoing the input
NotFound          -> 404 naming the id
WriteRejected     -> 409
GraphUnavailable  -> 503
GraphAuthFailed   -> 503
anything else     -> 500 {"detail": "internal error"}, logged with its stack
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from graph.errors import GraphAuthFailed, GraphUnavailable, NotFound, WriteRejected

log = logging.getLogger(__name__)

UNAVAILABLE = "the graph database is not reachable; try again shortly"
AUTH_FAILED = "the graph database refused this service's credentials"


def _detail(status: int, detail: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail})


def printable(value: object) -> str:
    """`value` as text that UTF-8 can carry (a lone surrogate becomes its escape)."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


async def on_invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad field and why; the input itself is never sent back."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [
        {
            "loc": [part if isinstance(part, int) else printable(part) for part in e["loc"]],
            "msg": printable(e["msg"]),
            "type": printable(e["type"]),
        }
        for e in errors
    ]
    return JSONResponse(status_code=422, content={"detail": detail})


async def on_not_found(request: Request, exc: Exception) -> JSONResponse:
    """404 naming the missing id."""
    return _detail(404, str(exc))


async def on_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """503 while the database cannot be reached."""
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    return _detail(503, UNAVAILABLE)


async def on_auth_failed(request: Request, exc: Exception) -> JSONResponse:
    """503 when the database refuses the credentials."""
    log.error("%s %s: %s", request.method, request.url.path, exc)
    return _detail(503, AUTH_FAILED)


async def on_write_rejected(request: Request, exc: Exception) -> JSONResponse:
    """409 when the database refuses an article's facts."""
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    return _detail(409, "the database refused the article's facts; nothing of it was written")


async def on_internal(request: Request, exc: Exception) -> JSONResponse:
    """500 that logs the error and says nothing about it."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _detail(500, "internal error")


def add_error_handlers(app: FastAPI) -> None:
    """Registers the handlers above on `app`."""
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(GraphUnavailable, on_unavailable)
    app.add_exception_handler(GraphAuthFailed, on_auth_failed)
    app.add_exception_handler(WriteRejected, on_write_rejected)
    app.add_exception_handler(Exception, on_internal)
