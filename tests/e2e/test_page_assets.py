"""The page and its npm libraries are served by the API, from node_modules, with no CDN."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import STATIC_DIR, VENDOR_PACKAGES, create_app
from api.settings import ApiSettings


def vendor_paths() -> list[str]:
    """The /vendor/ addresses index.html loads."""
    return re.findall(r'src="(/vendor/[^"]+)"', (STATIC_DIR / "index.html").read_text())


def test_page_loads_only_local_assets() -> None:
    html = (STATIC_DIR / "index.html").read_text()
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert {p.split("/")[2] for p in vendor_paths()} <= set(VENDOR_PACKAGES)


def test_page_vendor_assets_are_served_from_node_modules(graph_settings: ApiSettings) -> None:
    with TestClient(create_app(graph_settings)) as client:
        for path in vendor_paths():
            r = client.get(path)
            assert r.status_code == 200, path
            assert "javascript" in r.headers["content-type"], path
        assert client.get("/vendor/cytoscape/../../package.json").status_code == 404


def test_page_vendor_missing_answers_404_naming_npm_ci(
    graph_settings: ApiSettings, tmp_path: Path
) -> None:
    settings = graph_settings.model_copy(update={"kg_node_modules": tmp_path})
    with TestClient(create_app(settings)) as client:
        r = client.get("/vendor/d3/dist/d3.min.js")
        assert r.status_code == 404
        assert "npm ci" in r.json()["detail"]
        assert client.get("/").status_code == 200
