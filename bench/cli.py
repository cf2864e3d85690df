"""`python -m bench generate|run` (also `kg generate` and `kg bench`): corpora and the benchmark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.console import HELP_OPTIONS, err, fail, out

PROGRESS_FROM = 500  # corpora at least this big get a progress bar

app = typer.Typer(
    help="Synthetic corpora and the benchmark (a development tool, not part of the wheel).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings=HELP_OPTIONS,
)


@app.command("generate")
def generate(
    articles: Annotated[
        int,
        typer.Option("--articles", "-n", min=1, max=1_000_000, help="how many articles to write"),
    ] = 100,
    seed: Annotated[int, typer.Option("--seed", help="the same seed gives the same corpus")] = 1,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="folder to write into")] = Path(
        "synthetic-corpus"
    ),
    junk_rate: Annotated[
        float,
        typer.Option("--junk-rate", min=0.0, max=1.0, help="share of articles with page junk"),
    ] = 0.2,
) -> None:
    """Write a synthetic corpus of invented wire reports, its manifest.json and truth.json."""
    from bench.generator import generate_corpus

    if out_dir.exists() and not out_dir.is_dir():
        fail(f"{out_dir} exists and is not a folder")
    columns = (TextColumn("generating"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(
            *columns, console=err, transient=True, disable=articles < PROGRESS_FROM
        ) as bar:
            task = bar.add_task("generating", total=articles)

            def advance(done: int, _total: int) -> None:
                bar.update(task, completed=done)

            summary = generate_corpus(articles, seed, out_dir, junk_rate, progress=advance)
    except FileExistsError as e:
        fail(str(e))
    except OSError as e:
        fail(f"cannot write to {out_dir}: {e.strerror or e}")
    out.print(
        f"wrote {summary.articles} articles ({summary.words} words, {summary.events} events, "
        f"{summary.entities} entities, {summary.relations} relations, "
        f"{summary.junk_articles} with page junk) to {out_dir} in {summary.seconds:.1f} s"
    )
    out.print(
        f"load them with `kg load {out_dir}`; score an export against {out_dir / 'truth.json'}"
    )


@app.command("bench")
def bench(
    articles: Annotated[
        int,
        typer.Option(
            "--articles", "-n", min=1, max=100_000, help="how many synthetic articles to measure on"
        ),
    ] = 200,
    seed: Annotated[int, typer.Option("--seed", help="corpus seed")] = 1,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="JSON report to write")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=2, max=64, help="processes for the parallel run")
    ] = 2,
    events: Annotated[
        list[int] | None,
        typer.Option(
            "--events",
            min=10,
            max=1_000_000,
            help="graph sizes (events) to measure queries at; repeat for several; none: "
            "extraction only",
        ),
    ] = None,
    requests: Annotated[
        int,
        typer.Option(
            "--requests", min=1, max=1_000_000, help="requests per endpoint and client count"
        ),
    ] = 200,
) -> None:
    """Measure extraction, ingest, writes and HTTP queries on synthetic data (JSON + tables)."""
    from bench.run import run_benchmark

    report = run_benchmark(articles, seed, workers=workers, events=events or (), requests=requests)
    print_extraction(report, articles, workers)
    if "ingest" in report:
        print_database(report)
    if out_file is not None:
        try:
            out_file.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {out_file}: {e.strerror or e}")
        out.print(f"wrote {out_file}")


def print_extraction(report: dict[str, Any], articles: int, workers: int) -> None:
    """The extraction table and its two ratios."""
    table = Table(title=f"extraction benchmark ({articles} synthetic articles)")
    for column in ("stage", "processes", "articles/s", "words/s", "seconds"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for row in report["runs"]:
        table.add_row(
            row["stage"],
            str(row["processes"]),
            f"{row['articles_per_s']:.1f}",
            f"{row['words_per_s']:.0f}",
            f"{row['seconds']:.2f}",
        )
    out.print(table)
    out.print(
        f"speed-up with {workers} processes: {report['parallel_speedup']:.2f}x; "
        f"extraction runs at {report['share_of_spacy_ceiling']:.0%} of spaCy's own speed"
    )


def print_database(report: dict[str, Any]) -> None:
    """Ingest, write and query tables."""
    table = Table(title="ingest end to end (read, extract, write)")
    for column in ("workers", "articles/s", "words/s", "extract s", "write s", "total s"):
        table.add_column(column, justify="right")
    for row in report["ingest"]:
        table.add_row(
            str(row["workers"]),
            f"{row['articles_per_s']:.1f}",
            f"{row['words_per_s']}",
            f"{row['extract_seconds']:.1f}",
            f"{row['write_seconds']:.1f}",
            f"{row['seconds']:.1f}",
        )
    out.print(table)
    w = report["writes"]
    out.print(
        f"writes: batched {w['batched_rows_per_s']} rows/s, one row a transaction "
        f"{w['single_rows_per_s']} rows/s ({w['batched_over_single']}x)"
    )
    for scale in report["queries"]:
        table = Table(
            title=f"HTTP queries at {scale['events']} events "
            f"(db {scale['disk_mb']} MB on disk, peak MB {scale['peak_mb']})"
        )
        for column in (
            "endpoint",
            "new p50",
            "new p95",
            "new p99 ms",
            "new req/s x8",
            "repeat p50",
            "repeat p99 ms",
            "repeat req/s x1",
            "repeat req/s x8",
            "errors",
            "floor p50",
        ):
            table.add_column(column, justify="left" if column == "endpoint" else "right")
        for row in scale["queries"]:
            new, new8 = row["uncached_one_client"], row["uncached_eight_clients"]
            one, eight = row["one_client"], row["eight_clients"]
            table.add_row(
                row["endpoint"],
                f"{new['p50_ms']:.1f}",
                f"{new['p95_ms']:.1f}",
                f"{new['p99_ms']:.1f}",
                f"{new8['requests_per_s']:.0f}",
                f"{one['p50_ms']:.1f}",
                f"{one['p99_ms']:.1f}",
                f"{one['requests_per_s']:.0f}",
                f"{eight['requests_per_s']:.0f}",
                str(sum(r["errors"] for r in (new, new8, one, eight))),
                f"{row['in_memory_floor']['p50_ms']:.2f}",
            )
        out.print(table)
        post = scale.get("after_post")
        if post:
            nxt = post["next_100"]
            out.print(
                f"after posting one article ({post['post_status']}, {post['post_ms']:.0f} ms): "
                f"{post['cached_after_post']:.0%} of {post['urls']} cached answers still served "
                f"from the cache ({post['cached_before_post']:.0%} before); next 100 requests "
                f"p50 {nxt['p50_ms']:.1f} ms, p99 {nxt['p99_ms']:.1f} ms"
            )
