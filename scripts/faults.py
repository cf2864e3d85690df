"""The fault script: crash the loader and the database mid-load, and prove nothing is lost.

    python scripts/faults.py --articles 1000 --seed 11 --workdir /tmp/kg-faults

Every step runs `kg` as a user does, each data folder with a server on its own free ports:

1. clean: load a generated corpus into an empty database and export it (the reference).
2. loader kill: SIGKILL `kg load` (its whole process group) `--loader-kills` times while it
   writes, checking after each kill that every committed article is whole; then load again.
3. database kill: SIGKILL the embedded server while `kg load` writes; `kg db start` brings it
   back with every committed article whole; loading again completes the rest.
4. backup: `kg export`, then `kg import` into an empty database, then export again.
5. outage: `kg serve` answers 503 (and /ready says why) while the database is stopped and
   serves again by itself once `kg db start` brings it back.
6. orphaned workers: SIGKILL only the main process of `kg load --workers 2` (as the OOM
   killer does); its worker processes and the resource tracker must exit by themselves.
7. history: random rounds of loads, updates and deletes of corpus articles (`kg load` of a
   .jsonl of records, `kg delete`), then a clean load of the final texts in the order they
   last changed into an empty database; the two exports must be equal.

Each final export must equal the clean one (same facts, no duplicates). `--only` runs some of
the steps (e.g. `--only orphans,history`). The figures go to stdout and, with --report, to a
JSON file. Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from graph import embedded
from graph.backup import article_footprints, duplicate_keys
from graph.cypher.queries import ReadQuery
from graph.embedded import free_port
from graph.models import NodeLabel
from graph.settings import Settings
from graph.store import GraphStore

REPO = Path(__file__).resolve().parents[1]

log = logging.getLogger("faults")
KG = [sys.executable, "-m", "kg"]
KG_IMPORT = [sys.executable, "-m", "kg.backup_commands", "import"]
Doc = dict[str, list[dict[str, Any]]]


class FaultFailed(Exception):
    """A check of the fault script did not hold."""


class Site:
    """One data folder with its own ports: runs `kg` commands against its embedded server."""

    def __init__(self, root: Path, name: str) -> None:
        self.data = root / name
        shutil.rmtree(self.data, ignore_errors=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
        self.env.update(
            KG_DATA_DIR=str(self.data),
            KG_BOLT_PORT=str(free_port()),
            KG_HTTP_PORT=str(free_port()),
            COLUMNS="250",
        )
        self.settings = Settings(
            kg_data_dir=self.data,
            kg_bolt_port=int(self.env["KG_BOLT_PORT"]),
            kg_http_port=int(self.env["KG_HTTP_PORT"]),
            _env_file=None,
        )

    def run(
        self, *args: str, cmd: list[str] = KG, timeout: float = 3600, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """Runs one `kg` command to its end."""
        result = subprocess.run(
            [*cmd, *args], env=self.env, capture_output=True, text=True, timeout=timeout, cwd=REPO
        )
        if check and result.returncode != 0:
            raise FaultFailed(
                f"`kg {' '.join(args)}` exited {result.returncode}: {result.stderr.strip()[-500:]}"
            )
        return result

    def spawn(self, *args: str) -> subprocess.Popen[str]:
        """Starts one `kg` command in its own process group."""
        return subprocess.Popen(
            [*KG, *args],
            env=self.env,
            cwd=REPO,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )

    def export(self, name: str) -> Doc:
        """`kg export` to DATA/../NAME.json, parsed."""
        path = self.data.parent / f"{name}.json"
        self.run("export", "--out", str(path))
        doc: Doc = json.loads(path.read_text(encoding="utf-8"))
        return doc

    def server_pid(self) -> int:
        info = embedded.running(self.data.resolve())
        if info is None:
            raise FaultFailed(f"the embedded server of {self.data} is not running")
        return info.pid

    def stop(self) -> None:
        embedded.stop(self.data)


def wait_for_articles(
    site: Site, at_least: int, loader: subprocess.Popen[str], timeout: float = 3600
) -> int:
    """Polls the article count (one connection, every 50 ms) until it reaches `at_least`."""
    deadline = time.monotonic() + timeout
    with GraphStore.connect(site.settings) as store:
        while time.monotonic() < deadline:
            count = int(store.read_value(ReadQuery.COUNT_NODES, "c", from_=NodeLabel.ARTICLE) or 0)
            if count >= at_least:
                return count
            if loader.poll() is not None:
                raise FaultFailed(
                    f"the loader ended (exit {loader.returncode}) before "
                    f"{at_least} articles were committed"
                )
            time.sleep(0.05)
    raise FaultFailed(f"{at_least} articles were not committed within {timeout:.0f} s")


def check_intact(partial: Doc, clean: Doc, where: str) -> int:
    """Every article of `partial` states exactly what it states in `clean`; returns how many."""
    problems = [f"{where}: duplicate {k}" for k in duplicate_keys(partial)]
    mine, reference = article_footprints(partial), article_footprints(clean)
    committed = {a["id"] for a in partial["articles"]}
    for aid, footprint in mine.items():
        if aid not in committed:
            problems.append(f"{where}: facts of article {aid!r}, which is not in the graph")
        elif footprint != reference.get(aid):
            missing = len(reference.get(aid, frozenset()) - footprint)
            extra = len(footprint - reference.get(aid, frozenset()))
            problems.append(
                f"{where}: article {aid!r} is half-written "
                f"({missing} facts missing, {extra} unexpected)"
            )
    if problems:
        raise FaultFailed("; ".join(problems[:10]))
    return len(committed)


def check_equal(doc: Doc, clean: Doc, where: str) -> None:
    """The export equals the clean one: same facts, no duplicates."""
    dups = duplicate_keys(doc)
    if dups:
        raise FaultFailed(f"{where}: duplicates in the export: {dups[:5]}")
    if doc != clean:
        diff = [k for k in clean if doc.get(k) != clean[k]]
        raise FaultFailed(f"{where}: the export differs from the clean run's in {diff}")


LOAD_OPTIONS: list[str] = []  # extra `kg load` options, e.g. --batch-size, set by main()


def load(site: Site, corpus: Path) -> float:
    started = time.monotonic()
    site.run("load", str(corpus), *LOAD_OPTIONS)
    return time.monotonic() - started


def fault_loader_kill(root: Path, corpus: Path, n: int, kills: int, clean: Doc) -> dict[str, Any]:
    """SIGKILL the loader `kills` times mid-load, then load to the end."""
    site = Site(root, "loader-kill")
    site.run("db", "start")
    committed_at_kill = []
    try:
        for k in range(1, kills + 1):
            loader = site.spawn("load", str(corpus), *LOAD_OPTIONS)
            target = n * k // (kills + 1)
            wait_for_articles(site, target, loader)
            os.killpg(loader.pid, signal.SIGKILL)
            loader.communicate()
            partial = site.export(f"loader-kill-{k}")
            committed_at_kill.append(check_intact(partial, clean, f"after loader kill {k}"))
            log.info("loader kill %d: %d articles committed, all whole", k, committed_at_kill[-1])
        seconds = load(site, corpus)
        check_equal(site.export("loader-kill-final"), clean, "loader kill")
    finally:
        site.stop()
    return {
        "kills": kills,
        "committed_at_each_kill": committed_at_kill,
        "reload_seconds": round(seconds, 1),
        "export_equals_clean": True,
    }


def fault_database_kill(root: Path, corpus: Path, n: int, clean: Doc) -> dict[str, Any]:
    """SIGKILL the embedded server mid-load; restart it; load to the end."""
    site = Site(root, "db-kill")
    site.run("db", "start")
    try:
        loader = site.spawn("load", str(corpus), *LOAD_OPTIONS)
        wait_for_articles(site, n // 2, loader)
        os.kill(site.server_pid(), signal.SIGKILL)
        killed = time.monotonic()
        try:
            _, stderr = loader.communicate(timeout=300)
        except subprocess.TimeoutExpired as e:
            os.killpg(loader.pid, signal.SIGKILL)
            raise FaultFailed("the loader did not stop within 300 s of the database's death") from e
        error_lines = [ln for ln in stderr.splitlines() if "error" in ln.lower()]
        loader_line = " ".join(error_lines)
        loader_seconds = time.monotonic() - killed
        if loader.returncode == 0:
            raise FaultFailed("the loader reported success although its database died")
        started = time.monotonic()
        site.run("db", "start")
        restart_seconds = time.monotonic() - started
        committed = check_intact(site.export("db-kill-restarted"), clean, "after database kill")
        seconds = load(site, corpus)
        final = site.export("db-kill-final")
        check_equal(final, clean, "database kill")
    finally:
        site.stop()
    return {
        "committed_at_kill": committed,
        "loader_exit": loader.returncode,
        "loader_message": loader_line,
        "loader_stopped_after_s": round(loader_seconds, 1),
        "restart_seconds": round(restart_seconds, 1),
        "reload_seconds": round(seconds, 1),
        "export_equals_clean": True,
    }


def fault_backup(root: Path, backup: Path, clean: Doc) -> dict[str, Any]:
    """`kg import` of an export into an empty database gives back the same export."""
    site = Site(root, "restored")
    try:
        started = time.monotonic()
        site.run(str(backup), cmd=KG_IMPORT)
        seconds = time.monotonic() - started
        check_equal(site.export("restored"), clean, "backup round trip")
        again = site.run(str(backup), cmd=KG_IMPORT, check=False)
        if again.returncode == 0 or "already holds" not in again.stderr:
            raise FaultFailed("importing into a database that is not empty was not refused")
    finally:
        site.stop()
    return {
        "import_seconds": round(seconds, 1),
        "backup_bytes": backup.stat().st_size,
        "export_equals_clean": True,
    }


def http_get(url: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def fault_outage(root: Path, backup: Path) -> dict[str, Any]:
    """The API through a database outage: 503 naming the cause, then service by itself."""
    site = Site(root, "outage")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    site.run(str(backup), cmd=KG_IMPORT)
    api = site.spawn("serve", "--port", str(port))
    try:
        deadline = time.monotonic() + 120
        while http_get_safe(f"{base}/ready") != 200:
            if time.monotonic() > deadline or api.poll() is not None:
                raise FaultFailed("the API did not become ready")
            time.sleep(0.5)
        before = http_get(f"{base}/timeline")
        site.run("db", "stop")
        ready = http_get(f"{base}/ready")
        timeline = http_get(f"{base}/timeline")
        if ready[0] != 503 or timeline[0] != 503 or "not reachable" not in ready[1]["detail"]:
            raise FaultFailed(
                f"while the database was down: /ready {ready}, /timeline {timeline[0]}"
            )
        site.run("db", "start")
        back = time.monotonic()
        while http_get_safe(f"{base}/ready") != 200:
            if time.monotonic() - back > 60:
                raise FaultFailed("the API did not recover within 60 s of the database")
            time.sleep(0.2)
        recovered = time.monotonic() - back
        if http_get(f"{base}/timeline") != before:
            raise FaultFailed("the timeline differs after the outage")
    finally:
        os.killpg(api.pid, signal.SIGTERM)
        api.communicate(timeout=30)
        site.stop()
    return {
        "ready_while_down": ready[0],
        "detail": ready[1]["detail"],
        "data_route_while_down": timeline[0],
        "recovered_after_s": round(recovered, 1),
        "api_restarted": False,
    }


def http_get_safe(url: str) -> int:
    try:
        return http_get(url)[0]
    except (OSError, ValueError):
        return 0


def descendants(pid: int) -> set[int]:
    """Every living descendant of `pid`, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting for its parent counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def resident_mb(pid: int) -> float:
    """The resident memory of `pid` in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def fault_orphaned_workers(root: Path, corpus: Path, wait_s: float = 30) -> dict[str, Any]:
    """SIGKILL only the main process of `kg load --workers 2`; its children must exit."""
    site = Site(root, "orphans")
    site.run("db", "start")
    children: set[int] = set()
    try:
        loader = site.spawn("load", str(corpus), "--workers", "2", *LOAD_OPTIONS)
        wait_for_articles(site, 1, loader)  # the workers are extracting
        children = descendants(loader.pid)
        memory = sorted(round(resident_mb(pid)) for pid in children)
        os.kill(loader.pid, signal.SIGKILL)  # the main process only, not its group
        killed = time.monotonic()
        loader.communicate()
        exited: dict[int, float] = {}
        while time.monotonic() - killed < wait_s and len(exited) < len(children):
            for pid in children - set(exited):
                if not alive(pid):
                    exited[pid] = time.monotonic() - killed
            time.sleep(0.02)
        left = sorted(children - set(exited))
        if len(children) < 2:
            raise FaultFailed(f"the loader had {len(children)} child processes, not its workers")
        if left:
            raise FaultFailed(f"{len(left)} processes of the killed loader still run: {left}")
    finally:
        for pid in children:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        site.stop()
    return {
        "child_processes_at_kill": len(children),
        "their_resident_mb": memory,
        "all_exited": True,
        "seconds_until_each_exited": sorted(round(t, 2) for t in exited.values()),
    }


def corpus_records(corpus: Path, count: int) -> list[dict[str, Any]]:
    """The first `count` articles of a generated corpus as records with their manifest fields."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    records = []
    for entry in manifest[:count]:
        path = corpus / entry.pop("file")
        text = path.read_text(encoding="utf-8")
        records.append({"id": path.stem, "text": text, **entry})
    return records


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    path.write_text(lines, encoding="utf-8")
    return path


def fault_history(
    root: Path, corpus: Path, rounds: int, articles: int, seed: int
) -> dict[str, Any]:
    """Random loads, updates and deletes, then a clean load of what is left: equal exports.

    Each round loads a .jsonl of records (new articles, and stored ones with another text:
    another article's, or the first half of their own) and then deletes a few stored ones.
    """
    rng = random.Random(seed)
    pool = corpus_records(corpus, articles)
    texts = [r["text"] for r in pool]
    final: dict[str, dict[str, Any]] = {}  # id -> record, in the order they last changed
    counts = {"loads": 0, "updates": 0, "deletes": 0, "unchanged": 0}
    site = Site(root, "history")
    work = root / "history-records"
    work.mkdir(exist_ok=True)
    site.run("db", "start")
    started = time.monotonic()
    try:
        for number in range(1, rounds + 1):
            batch = []
            for base in rng.sample(pool, k=min(len(pool), rng.randint(3, 10))):
                roll = rng.random()
                text = (
                    base["text"]
                    if roll < 0.5
                    else rng.choice(texts)
                    if roll < 0.8
                    else base["text"][: len(base["text"]) // 2]
                )
                record = {**base, "text": text}
                stored = final.get(base["id"])
                kind = "loads" if stored is None else "updates"
                if stored == record:
                    kind = "unchanged"
                else:
                    final.pop(base["id"], None)
                    final[base["id"]] = record
                counts[kind] += 1
                batch.append(record)
            site.run("load", str(write_records(work / f"round-{number}.jsonl", batch)))
            doomed = rng.sample(sorted(final), k=min(len(final), rng.randint(0, 3)))
            if doomed:
                site.run("delete", *doomed)
                for aid in doomed:
                    del final[aid]
                counts["deletes"] += len(doomed)
        history_seconds = time.monotonic() - started
        after = site.export("history-after")
    finally:
        site.stop()
    clean_site = Site(root, "history-clean")
    try:
        clean_site.run("load", str(write_records(work / "final.jsonl", list(final.values()))))
        clean = clean_site.export("history-clean")
    finally:
        clean_site.stop()
    check_equal(after, clean, "history")
    return {
        "rounds": rounds,
        "articles_in_pool": len(pool),
        **counts,
        "articles_left": len(final),
        "history_seconds": round(history_seconds, 1),
        "export_counts": {k: len(v) for k, v in clean.items()},
        "export_equals_clean_load_of_final_texts": True,
    }


def prepare_corpus(root: Path, articles: int, seed: int) -> Path:
    """`kg generate` into ROOT/corpus; its truth.json is moved beside the folder."""
    corpus = root / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    subprocess.run(
        [*KG, "generate", "--articles", str(articles), "--seed", str(seed), "--out", str(corpus)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    (corpus / "truth.json").replace(root / "truth.json")
    return corpus


STEPS = ("loader_kill", "database_kill", "backup", "outage", "orphans", "history")


def run(args: argparse.Namespace) -> dict[str, Any]:
    root = Path(args.workdir).resolve()
    root.mkdir(parents=True, exist_ok=True)
    steps = set(args.only.split(",")) if args.only else set(STEPS)
    if unknown := steps - set(STEPS):
        raise FaultFailed(f"unknown steps {sorted(unknown)}; the steps are {', '.join(STEPS)}")
    corpus = prepare_corpus(root, args.articles, args.seed)
    report: dict[str, Any] = {"articles": args.articles, "seed": args.seed}
    if steps & {"loader_kill", "database_kill", "backup", "outage"}:
        clean_site = Site(root, "clean")
        try:
            report["clean_load_seconds"] = round(load(clean_site, corpus), 1)
            clean = clean_site.export("clean")
        finally:
            clean_site.stop()
        if duplicate_keys(clean):
            raise FaultFailed(f"the clean export holds duplicates: {duplicate_keys(clean)[:5]}")
        report["clean"] = {k: len(v) for k, v in clean.items()}
        log.info("clean run: %s", report["clean"])
    if "loader_kill" in steps:
        report["loader_kill"] = fault_loader_kill(
            root, corpus, args.articles, args.loader_kills, clean
        )
        log.info("loader kill: %s", report["loader_kill"])
    if steps & {"database_kill", "backup", "outage"}:
        report["database_kill"] = fault_database_kill(root, corpus, args.articles, clean)
        log.info("database kill: %s", report["database_kill"])
    if "backup" in steps:
        report["backup"] = fault_backup(root, root / "db-kill-final.json", clean)
        log.info("backup: %s", report["backup"])
    if "outage" in steps:
        report["outage"] = fault_outage(root, root / "db-kill-final.json")
        log.info("outage: %s", report["outage"])
    if "orphans" in steps:
        report["orphaned_workers"] = fault_orphaned_workers(root, corpus)
        log.info("orphaned workers: %s", report["orphaned_workers"])
    if "history" in steps:
        report["history"] = fault_history(
            root, corpus, args.history_rounds, min(args.history_articles, args.articles), args.seed
        )
        log.info("history: %s", report["history"])
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--loader-kills", type=int, default=2)
    parser.add_argument("--workdir", default="/tmp/kg-faults")
    parser.add_argument("--batch-size", type=int, help="articles per write transaction")
    parser.add_argument("--report", help="write the figures as JSON to this file")
    parser.add_argument("--only", help="comma-separated steps to run: " + ", ".join(STEPS))
    parser.add_argument("--history-rounds", type=int, default=12, help="rounds of the history")
    parser.add_argument(
        "--history-articles", type=int, default=40, help="corpus articles the history draws on"
    )
    args = parser.parse_args()
    if args.batch_size:
        LOAD_OPTIONS.extend(["--batch-size", str(args.batch_size)])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    started = time.monotonic()
    try:
        report = run(args)
    except FaultFailed as e:
        log.error("FAILED: %s", e)
        return 1
    report["total_seconds"] = round(time.monotonic() - started, 1)
    text = json.dumps(report, indent=1)
    sys.stdout.write(text + "\n")
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
