"""The API's settings: the graph's, plus the key, ingest, CORS, cache and precompute, read once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from graph.settings import Settings

MIN_API_KEY_CHARS = 16


class ApiSettings(Settings):
    """KG_API_KEY enables POST /articles; the other KG_* here shape how the API answers."""

    kg_api_key: SecretStr | None = Field(
        default=None,
        description=f"enables POST /articles; at least {MIN_API_KEY_CHARS} characters",
    )
    kg_ingest_concurrency: int = Field(
        default=2, ge=1, le=64, description="articles POST /articles extracts at once"
    )
    kg_api_retry_seconds: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="how long the API retries one database transaction before answering 503",
    )
    kg_cache_mb: int = Field(
        default=64,
        ge=0,
        description="MB of encoded answers the API keeps for the graph's revision; 0: none",
    )
    kg_precompute_entities: int = Field(
        default=50,
        ge=0,
        description="busiest entities whose profiles the API computes after each change; 0: none",
    )
    kg_cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="browser origins allowed to call the API, comma-separated; none: CORS off",
    )
    kg_node_modules: Path | None = Field(
        default=None,
        description="node_modules folder of the page's libraries (default: the repo's)",
    )

    @field_validator("kg_cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip() for o in value.split(",") if o.strip()]
        return value

    @field_validator("kg_cors_origins")
    @classmethod
    def _check_origins(cls, value: list[str]) -> list[str]:
        for origin in value:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise ValueError(f"{origin!r} is not an origin (http(s)://host[:port], or *)")
        return [o.rstrip("/") for o in value]

    @field_validator("kg_api_key")
    @classmethod
    def _check_key(cls, value: SecretStr | None) -> SecretStr | None:
        length = len(value.get_secret_value()) if value is not None else 0
        if 0 < length < MIN_API_KEY_CHARS:
            raise ValueError(
                f"KG_API_KEY has {length} characters; it needs at least {MIN_API_KEY_CHARS} "
                "(or unset it to turn POST /articles off)"
            )
        return value


@functools.cache
def get_api_settings() -> ApiSettings:
    """The API process's settings, read once."""
    return ApiSettings()
