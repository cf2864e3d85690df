"""Graph errors mapped to HTTP answers, each as problem details; nothing internal leaks.

invalid request   -> 422 naming each field and why, never echoing the input
NotFound          -> 404 naming the id
WriteRejected     -> 409
GraphUnavailable  -> 503 with Retry-After
GraphAuthFailed   -> 503 with Retry-After
an HTTP error     -> its status (401, 403, 404 of an unknown path, 405, 413 ...)
anything else     -> 500 "internal error", logged with its stack
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from api.problems import field_errors, problem_response, summary
from graph.errors import GraphAuthFailed, GraphUnavailable, NotFound, WriteRejected

log = logging.getLogger(__name__)

UNAVAILABLE = "the graph database is not reachable; try again shortly"
AUTH_FAILED = "the graph database refused this service's credentials"


async def on_invalid_request(request: Request, exc: Exception) -> JSONResponse:
    """422 naming each bad field and why; the input itself is never sent back."""
    errors = field_errors(exc.errors() if isinstance(exc, RequestValidationError) else [])
    return problem_response(
        request.url.path, 422, summary(errors), "invalid-request", errors=errors
    )


async def on_not_found(request: Request, exc: Exception) -> JSONResponse:
    """404 naming the missing id."""
    return problem_response(request.url.path, 404, str(exc), "not-found")


async def on_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """503 while the database cannot be reached."""
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    return problem_response(request.url.path, 503, UNAVAILABLE, "unavailable")


async def on_auth_failed(request: Request, exc: Exception) -> JSONResponse:
    """503 when the database refuses the credentials."""
    log.error("%s %s: %s", request.method, request.url.path, exc)
    return problem_response(request.url.path, 503, AUTH_FAILED, "unavailable")


async def on_write_rejected(request: Request, exc: Exception) -> JSONResponse:
    """409 when the database refuses an article's facts."""
    log.warning("%s %s: %s", request.method, request.url.path, exc)
    detail = "the database refused the article's facts; nothing of it was written"
    return problem_response(request.url.path, 409, detail, "write-rejected")


async def on_http_error(request: Request, exc: Exception) -> JSONResponse:
    """An HTTP error raised by a route or by the framework, with its status and headers."""
    if not isinstance(exc, HTTPException):
        return await on_internal(request, exc)
    headers = dict(exc.headers or {})
    errors: list[dict[str, object]] | None = [] if exc.status_code == 422 else None
    return problem_response(
        request.url.path, exc.status_code, str(exc.detail), errors=errors, headers=headers
    )


async def on_internal(request: Request, exc: Exception) -> JSONResponse:
    """500 that logs the error and says nothing about it."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return problem_response(request.url.path, 500, "internal error")


def add_error_handlers(app: FastAPI) -> None:
    """Registers the handlers above on `app`."""
    app.add_exception_handler(RequestValidationError, on_invalid_request)
    app.add_exception_handler(NotFound, on_not_found)
    app.add_exception_handler(GraphUnavailable, on_unavailable)
    app.add_exception_handler(GraphAuthFailed, on_auth_failed)
    app.add_exception_handler(WriteRejected, on_write_rejected)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_internal)
