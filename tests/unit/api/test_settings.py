"""The API's settings: KG_CORS_ORIGINS split on commas and checked, KG_API_KEY long enough."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from api.settings import MIN_API_KEY_CHARS, ApiSettings, get_api_settings
from graph.settings import Settings
from kg.cli import app


def test_settings_cors_origins_split_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CORS_ORIGINS", "https://a.example.org/, http://localhost:5173")
    settings = ApiSettings(_env_file=None)
    assert settings.kg_cors_origins == ["https://a.example.org", "http://localhost:5173"]


def test_settings_cors_origins_default_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_CORS_ORIGINS", raising=False)
    assert ApiSettings(_env_file=None).kg_cors_origins == []


def test_settings_cors_origin_without_scheme_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KG_CORS_ORIGINS", "analysts.example.org")
    with pytest.raises(ValidationError, match=r"'analysts\.example\.org' is not an origin"):
        ApiSettings(_env_file=None)


def test_graph_settings_know_nothing_of_the_api() -> None:
    api_only = set(ApiSettings.model_fields) - set(Settings.model_fields)
    assert {"kg_api_key", "kg_cors_origins", "kg_cache_mb", "kg_precompute_entities"} <= api_only
    assert "kg_node_modules" in api_only and "kg_ingest_concurrency" in api_only


@pytest.mark.parametrize("key", ["k", "short-key-15chr"])
def test_an_api_key_shorter_than_sixteen_characters_is_refused(
    monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    monkeypatch.setenv("KG_API_KEY", key)
    with pytest.raises(ValidationError, match=f"at least {MIN_API_KEY_CHARS}"):
        ApiSettings(_env_file=None)


def test_an_api_key_of_sixteen_characters_or_none_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KG_API_KEY", "x" * MIN_API_KEY_CHARS)
    key = ApiSettings(_env_file=None).kg_api_key
    assert key is not None and key.get_secret_value() == "x" * MIN_API_KEY_CHARS
    monkeypatch.delenv("KG_API_KEY")
    assert ApiSettings(_env_file=None).kg_api_key is None


def test_kg_serve_names_a_short_key_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_API_KEY", "too-short")
    get_api_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "--port", "1"])
    finally:
        get_api_settings.cache_clear()
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [
        "error: KG_API_KEY has 9 characters; it needs at least 16 (or unset it to turn POST "
        "/articles off)"
    ]
