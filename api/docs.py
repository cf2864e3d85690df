"""The API's docs, served from this process: Swagger UI at /docs, ReDoc at /redoc, the
meaning of each problem type at /problems/{name}, and the problem schemas in the spec.

Swagger UI and ReDoc come from the npm packages `swagger-ui-dist` and `redoc` (`npm ci`),
mounted under /vendor/ with the page's libraries, so the docs work with no network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse

from api.problems import TYPES, problem_schemas, type_uri
from graph.errors import NotFound

DOCS_DIR = Path(__file__).resolve().parent / "static" / "docs"
DOCS_PACKAGES = ("swagger-ui-dist", "redoc")


def mount_docs(app: FastAPI) -> None:
    """Adds /docs, /redoc and /problems/{name} to `app` and the problem schemas to its spec."""
    swagger, redoc = DOCS_DIR / "swagger.html", DOCS_DIR / "redoc.html"

    @app.get("/docs", include_in_schema=False)
    def get_swagger_ui() -> FileResponse:
        return FileResponse(swagger)

    @app.get("/redoc", include_in_schema=False)
    def get_redoc() -> FileResponse:
        return FileResponse(redoc)

    @app.get("/problems/{name}", include_in_schema=False)
    def get_problem_type(name: str) -> dict[str, Any]:
        if name not in TYPES:
            raise NotFound("problem type", name)
        status, title, meaning = TYPES[name]
        return {"type": type_uri(name), "title": title, "status": status, "meaning": meaning}

    spec = app.openapi

    def openapi() -> dict[str, Any]:
        schema = spec()
        schema.setdefault("components", {}).setdefault("schemas", {}).update(problem_schemas())
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
