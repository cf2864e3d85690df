"""KG_CORS_ORIGINS: comma-separated origins from the environment, each checked."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from graph.settings import Settings


def test_settings_cors_origins_split_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CORS_ORIGINS", "https://a.example.org/, http://localhost:5173")
    settings = Settings(_env_file=None)
    assert settings.kg_cors_origins == ["https://a.example.org", "http://localhost:5173"]


def test_settings_cors_origins_default_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_CORS_ORIGINS", raising=False)
    assert Settings(_env_file=None).kg_cors_origins == []


def test_settings_cors_origin_without_scheme_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KG_CORS_ORIGINS", "analysts.example.org")
    with pytest.raises(ValidationError, match=r"'analysts\.example\.org' is not an origin"):
        Settings(_env_file=None)
