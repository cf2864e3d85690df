"""Settings from the environment and an optional `.env` file, read once."""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """NEO4J_* select a Neo4j server; without NEO4J_URI the embedded server is used.

    The API's own settings (key, CORS, cache, precompute, the page's libraries) extend these in
    api/settings.py."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", case_sensitive=False)

    neo4j_uri: str | None = Field(
        default=None, description="bolt:// or neo4j:// URI of a Neo4j server"
    )
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"
    kg_data_dir: Path = Field(default=Path("data"), description="embedded database and run files")
    kg_bolt_port: int = Field(default=7688, ge=1, le=65535)
    kg_http_port: int = Field(default=2481, ge=1, le=65535)
    kg_max_article_bytes: int = Field(default=5_000_000, ge=1)
    kg_max_article_chars: int = Field(
        default=100_000,
        ge=1,
        le=1_000_000,
        description="longest article text extracted; bounds one article's time and memory",
    )

    @property
    def embedded(self) -> bool:
        """True when the embedded server is the database."""
        return not self.neo4j_uri


@functools.cache
def get_settings() -> Settings:
    """The process's settings, read once."""
    return Settings()
