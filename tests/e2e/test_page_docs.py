"""/docs (Swagger UI) and /redoc (ReDoc) render in Chromium with every host but 127.0.0.1
blocked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from api.settings import ApiSettings
from graph.store import GraphStore
from tests.support.page import open_page, save_screenshot, serve_api, wait_until
from tests.support.worlds import load_world

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(graph_settings: ApiSettings, session_store: GraphStore) -> Iterator[str]:
    session_store.delete_all()
    load_world(session_store)
    with serve_api(graph_settings) as base:
        yield base


def offline(page: Any) -> list[str]:
    """Blocks every request to a host other than 127.0.0.1; returns the list of those asked for."""
    blocked: list[str] = []

    def route(r: Any) -> None:
        url = r.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)
    return blocked


def test_swagger_ui_loads_its_operations_offline(
    browser: Any, base_url: str, graph_settings: ApiSettings
) -> None:
    with open_page(browser) as (page, console):
        blocked = offline(page)
        page.goto(f"{base_url}/docs")
        wait_until(page, "document.querySelectorAll('.opblock').length >= 14")
        operations = page.locator(".opblock-summary-path").all_inner_texts()
        assert "/timeline" in operations and "/rounds/{round_id}/attendees" in operations
        page.locator(".opblock-summary", has_text="/entities/{entity_id}").first.click()
        page.locator(".responses-table", has_text="application/problem+json").first.wait_for()
        save_screenshot(page, "docs-swagger")
        assert blocked == []
        assert console.errors == []


REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"  # its footer logo, refused by the CSP


def test_redoc_renders_the_reference_offline(browser: Any, base_url: str) -> None:
    with open_page(browser) as (page, console):
        blocked = offline(page)
        page.goto(f"{base_url}/redoc")
        wait_until(
            page, "document.querySelectorAll('[data-section-id^=\"operation/\"]').length >= 14"
        )
        page.get_by_text("Event timeline knowledge graph").first.wait_for()
        save_screenshot(page, "docs-redoc")
        assert blocked == []
        assert [e for e in console.errors if REDOC_LOGO not in e] == []
