"""The graph written is the same whatever the number of workers and whichever path facts take."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.generator import generate_corpus
from graph.errors import WriteRejected
from graph.models import ArticleFacts, WriteStatus
from graph.store import GraphStore
from loaders.facts_file import extract_lines, extract_paths, facts_line
from loaders.pipeline import load_facts, load_paths
from tests.support.cypher import cypher
from tests.support.factories import talks_article

ARTICLES = 16

DUMP_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
DUMP_EDGES = (
    "MATCH (a)-[r]->(b) RETURN a.id AS start, type(r) AS type, b.id AS end, properties(r) AS props"
)


def dump_graph(store: GraphStore) -> list[str]:
    """Every node and edge with all its properties (lists in stored order), sorted."""
    rows = [
        {"labels": sorted(r["labels"]), **r["props"]}
        for r in cypher(store, DUMP_NODES)
        if "GraphState" not in r["labels"]  # its revision token is random by design
    ]
    for edge in cypher(store, DUMP_EDGES):
        edge["props"].pop("seq", None)  # when its article was written: a clock stamp by design
        rows.append(edge)
    return sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)


def articles_of(corpus: Path) -> list[Path]:
    """The article files of a generated corpus (not its truth.json)."""
    return sorted(corpus.glob("syn-*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    generate_corpus(ARTICLES, seed=11, out_dir=folder, junk_rate=0.3)
    return folder


@pytest.fixture(scope="module")
def serial_graph(corpus: Path, session_store: GraphStore) -> list[str]:
    """The graph of the corpus loaded by one process, one article per transaction."""
    session_store.delete_all()
    report = load_paths(
        articles_of(corpus),
        session_store,
        manifest=corpus / "manifest.json",
        workers=1,
        batch_size=1,
    )
    assert report.ok and len(report.loaded) == ARTICLES, report.failed
    graph = dump_graph(session_store)
    assert len(graph) > ARTICLES * 5
    return graph


def test_two_workers_batched_write_the_same_graph(
    corpus: Path, serial_graph: list[str], store: GraphStore
) -> None:
    report = load_paths(
        articles_of(corpus), store, manifest=corpus / "manifest.json", workers=2, batch_size=5
    )
    assert report.ok and len(report.loaded) == ARTICLES
    assert dump_graph(store) == serial_graph


def test_extract_then_load_facts_writes_the_same_graph(
    corpus: Path, serial_graph: list[str], store: GraphStore, tmp_path: Path
) -> None:
    facts_file = tmp_path / "facts.jsonl"
    extracted = extract_paths(
        articles_of(corpus), facts_file, manifest=corpus / "manifest.json", workers=2
    )
    assert extracted.written == ARTICLES and not extracted.failed
    report = load_facts(facts_file, store, batch_size=7)
    assert report.ok and len(report.loaded) == ARTICLES
    assert dump_graph(store) == serial_graph
    again = load_facts(facts_file, store)
    assert len(again.unchanged) == ARTICLES and not again.loaded


def test_dask_local_cluster_example_writes_the_same_graph(
    corpus: Path, serial_graph: list[str], store: GraphStore, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("dask.distributed")
    files = articles_of(corpus)
    chunks = [files[i : i + 5] for i in range(0, len(files), 5)]
    facts_file = tmp_path / "facts.jsonl"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        futures = client.map(extract_lines, chunks, manifest=corpus / "manifest.json")
        with facts_file.open("w", encoding="utf-8") as out:
            for lines in client.gather(futures):
                out.writelines(lines)
    report = load_facts(facts_file, store)
    assert report.ok and len(report.loaded) == ARTICLES
    assert dump_graph(store) == serial_graph


def test_bad_line_of_facts_file_fails_alone(store: GraphStore, tmp_path: Path) -> None:
    good = [talks_article(f"scale-{i}", city=f"Town{i}") for i in range(3)]
    lines = [json.dumps(f.model_dump(mode="json")) for f in good]
    lines.insert(1, json.dumps({"article": {"id": "broken"}}))
    facts_file = tmp_path / "facts.jsonl"
    facts_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = load_facts(facts_file, store)
    assert report.loaded == [f.article.id for f in good]
    [(name, reason)] = report.failed
    assert name == f"{facts_file}:2" and "article.content_hash" in reason


def with_unstorable_offset(facts: ArticleFacts) -> ArticleFacts:
    """The facts with an evidence offset beyond 64 bits: valid facts no database can store."""
    entity = facts.entities[0]
    evidence = entity.evidence[0].model_copy(update={"start": 2**70, "end": 2**70 + 1})
    bad = entity.model_copy(update={"evidence": (evidence,)})
    return facts.model_copy(update={"entities": (bad, *facts.entities[1:])})


def test_refused_batch_falls_back_so_only_the_bad_article_fails(store: GraphStore) -> None:
    good = [talks_article(f"batch-{i}", city=f"Ville{i}") for i in range(4)]
    store.write_article(good[0])
    batch = [good[0], good[1], with_unstorable_offset(good[2]), good[3]]
    results = store.write_articles(batch)
    assert results[:2] == [WriteStatus.UNCHANGED, WriteStatus.LOADED]
    assert isinstance(results[2], WriteRejected) and "batch-2" in str(results[2])
    assert results[3] == WriteStatus.LOADED
    assert store.article_hashes([f.article.id for f in good]).keys() == {
        "batch-0",
        "batch-1",
        "batch-3",
    }


def test_load_with_an_unstorable_article_fails_it_alone(store: GraphStore, tmp_path: Path) -> None:
    good = [talks_article(f"line-{i}", city=f"Burg{i}") for i in range(5)]
    facts = [with_unstorable_offset(f) if i == 3 else f for i, f in enumerate(good)]
    facts_file = tmp_path / "facts.jsonl"
    facts_file.write_text("".join(facts_line(f) for f in facts), encoding="utf-8")
    report = load_facts(facts_file, store, batch_size=10)
    assert report.loaded == ["line-0", "line-1", "line-2", "line-4"]
    assert [name for name, _ in report.failed] == ["line-3"]
