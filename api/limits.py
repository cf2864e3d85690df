"""A cap on request body size, enforced while the body is read (not after it is in memory)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.problems import problem_response


class BodySizeLimit:
    """ASGI middleware answering 413 to a request body larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int, setting: str = "KG_MAX_ARTICLE_BYTES") -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.detail = f"request body exceeds the limit of {max_bytes} bytes (set by {setting})"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await problem_response(scope["path"], 413, self.detail)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(status_code=413, detail=self.detail)
            return message

        await self.app(scope, limited, send)
