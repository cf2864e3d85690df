"""Settings from the environment and an optional `.env` file, read once."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """NEO4J_* select a Neo4j server; without NEO4J_URI the embedded server is used."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(
        default=None, description="bolt:// or neo4j:// URI of a Neo4j server"
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    kg_data_dir: Path = Field(default=Path("data"), description="embedded database and run files")
    kg_api_key: SecretStr | None = Field(default=None, description="enables POST /articles")
    kg_bolt_port: int = Field(default=7688, ge=1, le=65535)
    kg_http_port: int = Field(default=2481, ge=1, le=65535)
    kg_max_article_bytes: int = Field(default=5_000_000, ge=1)
    kg_max_article_chars: int = Field(
        default=100_000,
        ge=1,
        le=1_000_000,
        description="longest article text extracted; bounds one article's time and memory",
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

    @property
    def embedded(self) -> bool:
        """True when the embedded server is the database."""
        return not self.neo4j_uri


@functools.cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
