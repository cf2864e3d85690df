"""An embedded graph server of the tests' own, on free ports, stopped when the block ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from api.settings import ApiSettings
from graph import embedded
from graph.embedded import free_port


@contextmanager
def embedded_server(data_dir: Path) -> Iterator[ApiSettings]:
    """Settings of a freshly started embedded server over DATA_DIR, stopped at the end.

    They are the API's settings (the graph's and more), so that a test can build an app on them.
    """
    settings = ApiSettings(
        neo4j_uri=None,
        kg_data_dir=data_dir,
        kg_bolt_port=free_port(),
        kg_http_port=free_port(),
        kg_api_key=None,
        kg_precompute_entities=0,  # no background reads racing a test's own (test_api_precompute)
        _env_file=None,
    )
    embedded.start(data_dir, settings.kg_bolt_port, settings.kg_http_port)
    try:
        yield settings
    finally:
        embedded.stop(data_dir)
