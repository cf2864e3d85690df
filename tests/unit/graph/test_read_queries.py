"""The read queries are named by the ReadQuery enum, each a file of the catalog; the reads name
them only through it, and GraphStore.read, their one runner, runs nothing else."""

from __future__ import annotations

import re

import pytest

from graph.cypher import catalog
from graph.cypher.queries import ReadQuery
from graph.store import GraphStore
from tests.support.paths import REPO

STRING_NAME = re.compile(r"(?:run_read\(\s*\w+,|\.read\()\s*[\"']")


def test_every_read_query_is_a_file_of_the_catalog() -> None:
    files = set(catalog.names())
    assert {q.value for q in ReadQuery} <= files
    for query in ReadQuery:
        assert catalog.load(query).strip(), query


def test_the_reads_name_their_queries_through_the_enum() -> None:
    by_string = {
        str(path.relative_to(REPO)): STRING_NAME.findall(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "graph" / "reads").glob("*.py"))
    }
    assert {path: found for path, found in by_string.items() if found} == {}


def test_the_store_runs_only_catalog_read_queries() -> None:
    store = GraphStore(driver=None, database="kg", target="nowhere")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ReadQuery"):
        store.read("MATCH (n) DETACH DELETE n")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ReadQuery"):
        store.read("merge_article")  # type: ignore[arg-type]  # a write of the catalog
