"""The page benchmark: the browser page in Chromium over the seeds and over a generated graph.

    python -m scripts.bench_page --events 100000 --out page.json [--keep /tmp/page-graphs]

For each graph (the seed articles, then about `--events` generated events written straight from
the corpus generator's facts, as `kg bench` builds its query graphs) it serves the graph with
a fresh `kg serve` on loopback and drives Debian's Chromium at 1280x800, `--runs` times each:

- first render: from navigation until the graph has drawn its first nodes, until its layout
  has settled (the worker's layout done, the nodes and the view moved), and until the timeline
  is drawn (`/#view=timeline`), each in a fresh browser context;
- timeline step: a click on Next in the graph view until the details show the next event and
  the graph has centred on it and its participants (landed), and until the layout that tidies
  the graph afterwards has settled; back to back, and after a pause of PAUSE seconds (an
  analyst reading the step, while the page asks for the next one);
- expand a hub: the busiest entity's Expand on an empty graph until its neighbours are drawn,
  and until their layout has settled;
- JS heap: the page's used heap after those, from the DevTools protocol.

Beside a step and an expansion it prints when the last API answer of it arrived: the rest is
the page's own work (drawing, layout, details). With `--keep` each graph is built once in that
folder and served again by later runs.

Timings are taken inside the page (performance.now, polled every animation frame) so that the
driver's round trips are left out. It prints medians and maxima; nothing here is a test, and
nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import Browser, Page, sync_playwright

from bench.facts import iter_event_facts
from bench.servers import run_api, run_database
from graph.store import GraphStore
from loaders.pipeline import load_paths

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CY = "document.querySelector('#graph-canvas')._cyreg.cy"
log = logging.getLogger("bench_page")
PAUSE = 1.0  # seconds between two steps "after reading"

# Resolves once `test()` holds, polled every animation frame; the milliseconds since `t0`.
UNTIL = """
async function until(test, t0, limit = 60000) {
  for (;;) {
    if (test()) {
      const asked = performance.getEntriesByType('resource').filter((r) => r.startTime >= t0);
      const api = Math.max(0, ...asked.map((r) => r.responseEnd - t0));
      return [performance.now() - t0, api];
    }
    if (performance.now() - t0 > limit) throw new Error('timed out');
    await new Promise((r) => requestAnimationFrame(r));
  }
}
"""
STEP = (
    "async () => {"
    + UNTIL
    + f"""
  const cy = {CY};
  const before = location.hash;
  const t0 = performance.now();
  document.querySelector('#story-next').click();
  const canvas = document.querySelector('#graph-canvas');
  let id = null;
  const landed = await until(() => {{
    if (location.hash === before) return false;
    id = (decodeURIComponent(location.hash).split('sel=event:')[1] || '').split('&')[0];
    return id && document.querySelector(`#details .card[data-id="${{id}}"]`)
      && cy.getElementById(id).selected() && canvas.dataset.centred === id;
  }}, t0);
  const [settled] = await until(() => !canvas.dataset.settling && !cy.animated(), t0);
  return [landed[0], settled, landed[1]];
}}"""
)
EXPAND = (
    "async () => {"
    + UNTIL
    + """
  const canvas = document.querySelector('#graph-canvas');
  const count = (name) => Number(canvas.dataset[name] || 0);
  const [drawn, layouts] = [count('drawn'), count('layouts')];
  const t0 = performance.now();
  document.querySelector('#graph-expand').click();
  const shown = await until(() => count('drawn') > drawn && count('nodes') > 1, t0);
  const [settled] = await until(() => count('layouts') > layouts && !canvas.dataset.settling
    && !document.querySelector('#graph-canvas')._cyreg.cy.animated(), t0);
  return [shown[0], settled, shown[1]];
}"""
)


def build_seeds(store: GraphStore) -> str:
    load_paths([SEEDS], store, manifest=SEEDS / "manifest.json")
    return "seeds (5 articles)"


def build_events(events: int) -> Callable[[GraphStore], str]:
    def build(store: GraphStore) -> str:
        started = time.monotonic()
        facts = iter_event_facts(events)
        written = 0
        while batch := list(islice(facts, 256)):
            store.write_articles(batch)
            written += len(batch)
        store.derive_sequences()
        log.info("%d events written in %.0f s", written, time.monotonic() - started)
        return f"{written:,} generated events"

    return build


@contextmanager
def served(
    key: str, build: Callable[[GraphStore], str], keep: Path | None = None
) -> Iterator[tuple[str, str]]:
    """(label, base URL) of a fresh `kg serve` over a database that `build` filled: a fresh one,
    or with `keep` the one built there by an earlier run (built and kept when missing)."""
    if keep is None:
        work = Path(tempfile.mkdtemp(prefix="kg-page-bench-"))
    else:
        work = keep / key
        work.mkdir(parents=True, exist_ok=True)
    label_file = work / "label"
    try:
        with run_database(work / "data") as (settings, store, _pid):
            if label_file.is_file():
                label = label_file.read_text()
            else:
                label = build(store)
                label_file.write_text(label)
            with run_api(settings) as (host, port, _api_pid):
                yield label, f"http://{host}:{port}"
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def busiest_entity(base: str) -> str:
    """The entity taking part in the most events of the first page of the timeline."""
    page = httpx.get(f"{base}/timeline", params={"limit": 500}, timeout=120).json()
    counts = Counter(p["id"] for e in page["items"] for p in e["participants"])
    return str(counts.most_common(1)[0][0])


def first_render(browser: Browser, url: str, *ready: str) -> list[float]:
    """Milliseconds from navigation start until each of `ready` (JS expressions, met in turn)
    holds, in a fresh page; polled inside the page every animation frame."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_selector("body[data-ready=true]", timeout=120_000)
        times = []
        for test in ready:
            wait = "async () => {" + UNTIL + f"return (await until(() => {test}, 0))[0]; }}"
            times.append(float(page.evaluate(wait)))
        return times
    finally:
        context.close()


def heap_mb(page: Page) -> float:
    session = page.context.new_cdp_session(page)
    session.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
    return float(metrics.get("JSHeapUsedSize", 0)) / 1e6


def measure(browser: Browser, base: str, runs: int) -> dict[str, Any]:
    """Every figure of one graph, as lists of milliseconds (and MB for the heap)."""
    canvas = "document.querySelector('#graph-canvas').dataset"
    graph_drawn = f"Number({canvas}.drawn || 0) > 0"
    graph_settled = f"{canvas}.layoutWhere !== undefined && !{canvas}.settling && !{CY}.animated()"
    timeline_ready = "document.querySelector('#timeline-chart .mark') !== null"
    figures: dict[str, Any] = {
        "first render, graph drawn": [],
        "first render, graph settled": [],
        "first render, timeline": [],
    }
    for _ in range(runs):
        drawn, settled = first_render(browser, f"{base}/", graph_drawn, graph_settled)
        figures["first render, graph drawn"].append(drawn)
        figures["first render, graph settled"].append(settled)
        figures["first render, timeline"] += first_render(
            browser, f"{base}/#view=timeline", timeline_ready
        )
    hub = busiest_entity(base)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{base}/#view=graph")
        page.wait_for_selector("body[data-ready=true]", timeout=120_000)
        steps = [page.evaluate(STEP) for _ in range(runs * 2)]
        figures["timeline step, back to back"] = [landed for landed, _, _ in steps]
        figures["step: API answered"] = [api for _, _, api in steps]
        figures["step: graph settled"] = [settled for _, settled, _ in steps]
        paused = []
        for _ in range(runs * 2):
            time.sleep(PAUSE)  # the analyst reads the step; the next one is asked for meanwhile
            paused.append(page.evaluate(STEP))
        figures["timeline step, after reading"] = [landed for landed, _, _ in paused]
        figures["step after reading: API"] = [api for _, _, api in paused]
        expands = []
        page.evaluate(f"location.hash = '#view=graph&sel=entity:{hub}'")
        layouts = "Number(document.querySelector('#graph-canvas').dataset.layouts || 0)"
        deadline = time.monotonic() + 120
        while page.evaluate(f"{layouts} < 1 || !{CY}.getElementById({hub!r}).length"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{hub} was never drawn")
            time.sleep(0.05)
        for _ in range(runs):
            page.click("#graph-clear")
            expands.append(page.evaluate(EXPAND))
        figures["expand a hub: drawn"] = [drawn for drawn, _, _ in expands]
        figures["expand: API answered"] = [api for _, _, api in expands]
        figures["expand: layout settled"] = [settled for _, settled, _ in expands]
        figures["hub"] = hub
        figures["JS heap (MB)"] = [heap_mb(page)]
    finally:
        context.close()
    return figures


def summary(figures: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, values in figures.items():
        if isinstance(values, list):
            out[name] = {
                "median": round(statistics.median(values), 1),
                "max": round(max(values), 1),
            }
        else:
            out[name] = values
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, action="append", help="generated events (repeat)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--keep",
        type=Path,
        help="build each graph once in this folder and reuse it in later runs (a 100k graph "
        "takes about 8 minutes to write)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    builds: list[tuple[str, Callable[[GraphStore], str]]] = (
        [] if args.no_seeds else [("seeds", build_seeds)]
    )
    builds += [(f"events-{n}", build_events(n)) for n in (args.events or [100_000])]
    chromium = shutil.which("chromium")
    report: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for key, build in builds:
                with served(key, build, args.keep) as (label, base):
                    report[label] = summary(measure(browser, base, args.runs))
                    log.info("%s: %s", label, json.dumps(report[label]))
        finally:
            browser.close()
    labels = list(report)
    print(f"{'figure (ms; median, max)':<30}" + "".join(f"{label:>28}" for label in labels))
    for name in [n for n in report[labels[0]] if n != "hub"]:
        cells = []
        for label in labels:
            value = report[label][name]
            unit = "" if "heap" in name else f" (max {value['max']:.0f})"
            cells.append(
                f"{value['median']:.1f}{unit}" if "heap" in name else f"{value['median']:.0f}{unit}"
            )
        print(f"{name:<30}" + "".join(f"{c:>28}" for c in cells))
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
