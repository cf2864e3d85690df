"""Fixtures of the page tests: the API served over HTTP in a thread, and headless Chromium."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from api.main import create_app
from api.settings import ApiSettings
from graph.embedded import free_port
from graph.store import GraphStore
from loaders.pipeline import load_paths
from tests.support.paths import REPO, SEEDS

log = logging.getLogger(__name__)
ARTIFACTS = REPO / "artifacts" / "page"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT = 60.0


@contextmanager
def serve_api(settings: ApiSettings) -> Iterator[str]:
    """The API and page served by uvicorn in a thread; yields the base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="page-api", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    wait_ready(base)
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def wait_ready(base: str) -> None:
    """Waits until the API answers /ready."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the API at {base} did not become ready")


def load_seeds(store: GraphStore) -> None:
    """Empties the graph and loads the seed articles into it (skips when they are absent)."""
    if not (SEEDS / "manifest.json").is_file():
        pytest.skip(f"seed articles not found at {SEEDS}")
    store.delete_all()
    report = load_paths([SEEDS], store, manifest=SEEDS / "manifest.json")
    log.info("seeds loaded: %s", report)


@dataclass
class ConsoleLog:
    """Errors a page reported: console errors, uncaught exceptions, failed requests."""

    errors: list[str] = field(default_factory=list)

    def watch(self, page: Any) -> None:
        """Records the page's errors from now on."""
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url} {r.failure}"))


@contextmanager
def open_page(
    browser: Any, width: int = 1500, height: int = 950
) -> Iterator[tuple[Any, ConsoleLog]]:
    """A fresh page in its own context, with its console watched."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = ConsoleLog()
    console.watch(page)
    try:
        yield page, console
    finally:
        context.close()


def wait_until(page: Any, expression: str, timeout: float = 15.0) -> None:
    """Polls `expression` in the page until it is truthy (wait_for_function evaluates strings,
    which the page's Content-Security-Policy forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:.0f} s: {expression}")
        time.sleep(0.05)


def save_screenshot(page: Any, name: str) -> Path:
    """Saves a screenshot of the page under artifacts/page/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def get_json(base: str, path: str, **params: Any) -> Any:
    """GET one document of the API the page is served beside."""
    response = httpx.get(f"{base}{path}", params=params, timeout=30)
    response.raise_for_status()
    return response.json()
