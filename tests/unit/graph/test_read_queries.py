"""The read queries are named by the ReadQuery enum, each a file of the catalog, and the reads
name them only through it."""

from __future__ import annotations

import re

from graph.cypher import catalog
from graph.reads.queries import ReadQuery
from tests.support.paths import REPO

STRING_NAME = re.compile(r"run_read\(\s*\w+,\s*[\"']")


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
