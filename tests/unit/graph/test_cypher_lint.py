"""Every Cypher statement of the repo passes Neo4j 5's own parser and semantic analysis."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from enum import StrEnum
from typing import Any

import pytest
from pydantic import BaseModel

from graph import models
from graph.cypher import catalog
from graph.models import EdgeType, NodeLabel
from tests.support.paths import REPO

LINT_SCRIPT = REPO / "tests" / "cypher_lint.mjs"
LINTER_PACKAGE = REPO / "node_modules" / "@neo4j-cypher" / "language-support"
FAILING = ("error", "warning")
PROBE = "probe:"
# Statements that must be reported, with the severity and a fragment of the message expected.
BROKEN_PROBES = {
    "syntax": ("MATCH (n RETURN n", "error", "Invalid input"),
    "undefined_variable": ("MATCH (n) RETURN m", "error", "not defined"),
    "cypher_25_only": ("MATCH (n:Entity) LET name = n.name RETURN name", "error", "LET"),
    "unknown_function": ("MATCH (n:Entity) RETURN toLowr(n.name) AS name", "error", "toLowr"),
    "unknown_label": ("MATCH (n:Entitty) RETURN n.id AS id", "warning", "Entitty"),
    "unknown_type": (
        "MATCH (n:Entity)-[:ATENDED]->(v:Event) RETURN v.id AS id",
        "warning",
        "ATENDED",
    ),
    "unknown_property": ("MATCH (n:Entity) RETURN n.nmae AS name", "warning", "nmae"),
    "two_statements": (
        "MATCH (n:Entity) RETURN n.id AS id; MATCH (v:Event) RETURN v.id AS id",
        "error",
        "statements",
    ),
}
CLEAN_PROBE = (
    "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) "
    "RETURN n.name AS name, size(n.aliases) AS aliases"
)
PLACEHOLDER = re.compile(r"__[A-Z]+__")
FORMAT_FIELD = re.compile(r"\{\s*\w+\s*\}|%(?:\(\w+\))?s\b")
STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
COMMENT = re.compile(r"(?:^|\s)//.*$|/\*.*?\*/", re.MULTILINE | re.DOTALL)
LintResults = dict[str, list[dict[str, Any]]]


def collect_property_keys() -> list[str]:
    """Field names of every model of the shared vocabulary."""
    keys: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            keys.update(value.model_fields)
    return sorted(keys)


def collect_vocabulary() -> set[str]:
    """Every value of every enum of the shared vocabulary."""
    values: set[str] = set()
    for value in vars(models).values():
        if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum:
            values.update(member.value for member in value)
    return values


def run_lint(statements: list[tuple[str, str]]) -> LintResults:
    """Lint (name, text) statements in one node process; diagnostics by name."""
    node = shutil.which("node")
    if node is None or not LINTER_PACKAGE.is_dir():
        pytest.skip(
            "the Cypher linter needs node and the npm packages: run `npm ci` in the repo root"
        )
    request = {
        "statements": [{"name": name, "query": text} for name, text in statements],
        "labels": [*(label.value for label in NodeLabel), catalog.STATE_LABEL, catalog.KEY_LABEL],
        "relationshipTypes": [t.value for t in EdgeType],  # the facts and the structure
        "propertyKeys": collect_property_keys(),
    }
    done = subprocess.run(
        [node, str(LINT_SCRIPT)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"the Cypher linter failed:\n{done.stderr}"
    return {item["name"]: item["diagnostics"] for item in json.loads(done.stdout)}


def format_offences(offences: dict[str, list[dict[str, Any]]]) -> str:
    """Offending statements grouped by identical diagnostics, variants of one query counted."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name, diagnostics in offences.items():
        text = "\n".join(f"  {d['severity']} line {d['line']}: {d['message']}" for d in diagnostics)
        groups[text].append(name)
    blocks = []
    for text, names in groups.items():
        variants = len(names) - len({name.split("[")[0] for name in names})
        more = f" and {variants} more variant(s)" if variants else ""
        first: dict[str, str] = {}
        for name in names:
            first.setdefault(name.split("[")[0], name)
        blocks.append(f"{', '.join(first.values())}{more}:\n{text}")
    return "\n".join(blocks)


@pytest.fixture(scope="module")
def lint_results() -> LintResults:
    """The catalog's statements and the probes, linted in a single node process."""
    probes = [(f"{PROBE}{name}", text) for name, (text, _, _) in BROKEN_PROBES.items()]
    probes.append((f"{PROBE}clean", CLEAN_PROBE))
    return run_lint(catalog.all_statements() + probes)


def test_cypher_lint_catalog_has_no_errors_or_warnings(lint_results: LintResults) -> None:
    offences = {
        name: [d for d in diagnostics if d["severity"] in FAILING]
        for name, diagnostics in lint_results.items()
        if not name.startswith(PROBE)
    }
    offences = {name: found for name, found in offences.items() if found}
    assert not offences, "Cypher statements flagged by the linter:\n" + format_offences(offences)


def test_cypher_lint_reports_broken_statements(lint_results: LintResults) -> None:
    for name, (text, severity, fragment) in BROKEN_PROBES.items():
        found = lint_results[f"{PROBE}{name}"]
        assert any(d["severity"] == severity and fragment in d["message"] for d in found), (
            f"{text!r} should be reported as {severity} mentioning {fragment!r}, got {found}"
        )
    assert lint_results[f"{PROBE}clean"] == []


def test_cypher_catalog_statements_take_values_as_parameters() -> None:
    statements = catalog.all_statements()
    vocabulary = collect_vocabulary()
    assert statements, "the catalog holds no statement"
    for name, text in statements:
        code = COMMENT.sub("", text)
        assert not PLACEHOLDER.search(code), f"{name}: a placeholder was left unrendered"
        assert not FORMAT_FIELD.search(code), f"{name}: holds a string-format field"
        hard_coded = [s for s in STRING_LITERAL.findall(code) if s[1:-1] in vocabulary]
        assert not hard_coded, f"{name}: vocabulary values belong in $parameters: {hard_coded}"
