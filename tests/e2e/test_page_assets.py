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


def test_page_preloads_every_module_it_imports() -> None:
    """index.html asks for each module at once (modulepreload) instead of level by level."""
    html = (STATIC_DIR / "index.html").read_text()
    preloaded = set(re.findall(r'rel="modulepreload" href="/static/([^"]+)"', html))
    imported: set[str] = set()
    todo = ["app.js"]
    while todo:
        name = todo.pop()
        source = (STATIC_DIR / name).read_text()
        for found in re.findall(r'^import .* from "\./([^"]+)";', source, flags=re.M):
            if found not in imported:
                imported.add(found)
                todo.append(found)
    assert imported == preloaded


def test_page_preloads_only_the_questions_it_asks_first() -> None:
    """The API answers index.html preloads are the ones timedata.js asks for first, to the byte
    of the address (a preload that no fetch matches is asked for twice)."""
    html = (STATIC_DIR / "index.html").read_text()
    preloaded = set(re.findall(r'rel="preload" href="([^"]+)" as="fetch" crossorigin', html))
    source = (STATIC_DIR / "timedata.js").read_text()
    probe = re.search(r"const PROBE = (\d+);", source)
    assert probe is not None
    assert 'getJSON("/timeline", { limit: PROBE })' in source
    assert 'getJSON("/articles", { limit: 1 })' in source
    assert preloaded == {f"/timeline?limit={probe.group(1)}", "/articles?limit=1"}
