"""Security middleware: the API key checked before a body is read, and the security headers.

The key of POST /articles is checked from the headers alone, so a client without it cannot
make the server read and parse a body of up to KG_MAX_ARTICLE_BYTES. Every answer carries a
Content-Security-Policy (scripts, styles and data from this origin only; no framing),
``X-Content-Type-Options: nosniff`` and ``X-Frame-Options: DENY``; the OpenAPI pages, whose
Swagger UI and ReDoc come from this origin too, may also run ReDoc's search worker from a blob.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem_response

INGEST_DISABLED = "ingest is disabled on this server: set KG_API_KEY to enable POST /articles"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
KEYED = (("POST", "/articles"),)  # routes that need X-API-Key


def key_refusal(expected: str, given: str | None) -> tuple[int, str] | None:
    """(status, detail) refusing a request with key `given`, or None when it may go on."""
    if not expected:
        return 403, INGEST_DISABLED
    if not given:
        return 401, "missing X-API-Key header"
    if not secrets.compare_digest(given.encode(), expected.encode()):
        return 403, "invalid API key"
    return None


class KeyBeforeBody:
    """ASGI middleware refusing a keyed route from its headers, before its body is read."""

    def __init__(self, app: ASGIApp, expected: Callable[[], str]) -> None:
        self.app = app
        self.expected = expected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"], scope["path"].rstrip("/")) in KEYED:
            given = Headers(scope=scope).get("x-api-key")
            refusal = key_refusal(self.expected(), given)
            if refusal is not None:
                status, detail = refusal
                headers = {"WWW-Authenticate": "X-API-Key"} if status == 401 else None
                answer = problem_response(scope["path"], status, detail, headers=headers)
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = DOCS_POLICY if docs else PAGE_POLICY
                headers["X-Content-Type-Options"] = "nosniff"
                headers["X-Frame-Options"] = "DENY"
                headers["Referrer-Policy"] = "no-referrer"
            await send(message)

        await self.app(scope, receive, send_with_headers)
