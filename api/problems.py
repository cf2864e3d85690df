"""RFC 9457 problem details: the one shape of every error the API answers.

Every 4xx and 5xx is ``application/problem+json`` with ``type``, ``title``, ``status``,
``detail`` and ``instance`` (the path asked for); an invalid request also lists each bad field
in ``errors``. A ``type`` of this API is a path under ``/problems/`` that answers what the type
means; ``about:blank`` means the status code says it all. Nothing here echoes the input, and
every text is made safe for UTF-8 first, so a lone surrogate cannot turn a 422 into a 500.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"
BLANK = "about:blank"
RETRY_AFTER_SECONDS = 5  # a 503's Retry-After: about how long a reconnection attempt takes

# name -> (status, title, what it means); the type of each is /problems/<name>
TYPES: dict[str, tuple[int, str, str]] = {
    "invalid-request": (
        422,
        "Invalid request",
        "A parameter or a field of the body is missing, malformed or out of range; `errors` "
        "names each one (`loc`: where, `msg`: why, `type`: the rule). The input is not echoed.",
    ),
    "not-found": (
        404,
        "Not found",
        "The id in the request is not in the graph; `detail` names the kind and the id.",
    ),
    "write-rejected": (
        409,
        "Article refused",
        "The database refused the article's facts; nothing of the article was written.",
    ),
    "unavailable": (
        503,
        "Database unavailable",
        "The graph database cannot be reached or refused the service's credentials; the service "
        "reconnects by itself. Retry after the seconds in the Retry-After header.",
    ),
}


def type_uri(name: str) -> str:
    """The `type` of the problem type `name`."""
    return f"/problems/{name}"


def printable(value: object) -> str:
    """`value` as text that UTF-8 can carry (a lone surrogate becomes its escape)."""
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


class FieldError(BaseModel):
    """One bad field of a request."""

    model_config = ConfigDict(extra="forbid")

    loc: list[str | int] = Field(
        description="where: `query`, `path`, `header` or `body`, then the field's name or index",
        examples=[["query", "limit"]],
    )
    msg: str = Field(
        description="why it was refused", examples=["Input should be less than or equal to 500"]
    )
    type: str = Field(description="the rule it breaks", examples=["less_than_equal"])


class Problem(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(
        default=BLANK,
        description="what kind of problem: a path under /problems/ that explains it, or "
        "about:blank when the status says it all",
        examples=["/problems/not-found"],
    )
    title: str = Field(description="short summary of the type", examples=["Not found"])
    status: int = Field(ge=100, le=599, description="the HTTP status code", examples=[404])
    detail: str = Field(
        description="what went wrong with this request", examples=["entity 'nobody' not found"]
    )
    instance: str = Field(
        description="the path of the request that failed", examples=["/entities/nobody"]
    )


class ValidationProblem(Problem):
    """An invalid request: each bad field, where and why."""

    errors: list[FieldError] = Field(description="every bad field, in request order")


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_response(
    instance: str,
    status: int,
    detail: str,
    name: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The problem+json answer to a request for path `instance`; `name` picks one of TYPES,
    else the type is about:blank."""
    if name is not None:
        title = TYPES[name][1]
        type_ = type_uri(name)
    else:
        title = _phrase(status)
        type_ = BLANK
    body: dict[str, Any] = {
        "type": type_,
        "title": title,
        "status": status,
        "detail": printable(detail),
        "instance": printable(instance),
    }
    if errors is not None:
        body["errors"] = errors
    headers = dict(headers or {})
    if status == HTTPStatus.SERVICE_UNAVAILABLE:
        headers.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
    return JSONResponse(body, status_code=status, headers=headers, media_type=MEDIA_TYPE)


def field_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic's errors as FieldError dicts, every text UTF-8 safe, no input."""
    return [
        {
            "loc": [part if isinstance(part, int) else printable(part) for part in e["loc"]],
            "msg": printable(e["msg"]),
            "type": printable(e["type"]),
        }
        for e in errors
    ]


def summary(errors: list[dict[str, Any]]) -> str:
    """One line naming each bad field and why."""
    parts = [".".join(str(p) for p in e["loc"]) + ": " + str(e["msg"]) for e in errors]
    return "; ".join(dict.fromkeys(parts)) or "the request is invalid"


def invalid(loc: tuple[str | int, ...], msg: str, type_: str = "value_error") -> Exception:
    """The error that answers 422 naming the field at `loc` (no input is kept)."""
    return RequestValidationError([{"type": type_, "loc": loc, "msg": msg}])


_DESCRIPTIONS = {
    400: "the body cannot be read: not JSON in UTF-8",
    401: "no X-API-Key header",
    403: "wrong key, or the service does not accept this",
    404: "no such id in the graph",
    409: "the database refused the article's facts",
    413: "request body too large",
    422: "a parameter or body field is invalid (each is listed in `errors`)",
    503: "the database cannot be reached; see Retry-After",
}


def problems(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` documenting the problem answers a route can give.

    `descriptions` override the default text, keyed `s404`, `s422` and so on."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        schema = "ValidationProblem" if status == 422 else "Problem"
        entry: dict[str, Any] = {
            "description": descriptions.get(f"s{status}", _DESCRIPTIONS.get(status, "error")),
            "content": {MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        }
        if status == 503:
            entry["headers"] = {
                "Retry-After": {
                    "description": "seconds to wait before trying again",
                    "schema": {"type": "integer"},
                }
            }
        documented[status] = entry
    return documented


def problem_schemas() -> dict[str, Any]:
    """The component schemas the `problems()` responses refer to."""
    schema = ValidationProblem.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = schema.pop("$defs", {})
    return {"Problem": Problem.model_json_schema(), "ValidationProblem": schema, **defs}
