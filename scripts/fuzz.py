"""The fuzz run: article bytes and records through read, clean and extract, 10,000 cases each.

    python scripts/fuzz.py [--examples 10000] [--report fuzz.json]

Runs tests/unit/loaders/test_fuzz_inputs.py with KG_FUZZ_EXAMPLES set (the normal test run
tries 200 per target), prints the figures as JSON and exits with pytest's status: 0 when no
case raised and every failed source carried our own reason.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = "tests/unit/loaders/test_fuzz_inputs.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="cases per fuzz target")
    parser.add_argument("--report", help="write the figures as JSON to this file")
    args = parser.parse_args()
    env = {**os.environ, "KG_FUZZ_EXAMPLES": str(args.examples)}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TARGET,
         "--hypothesis-show-statistics"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.monotonic() - started
    sys.stderr.write(result.stdout[-4000:] + result.stderr[-2000:])
    passing = re.findall(r"(\d+) passing, (\d+) failing", result.stdout)
    report = {
        "examples_per_target": args.examples,
        "targets": 2,
        "passing_examples": sum(int(p) for p, _ in passing),
        "failing_examples": sum(int(f) for _, f in passing),
        "seconds": round(seconds, 1),
        "pytest_exit": result.returncode,
    }
    text = json.dumps(report, indent=1)
    sys.stdout.write(text + "\n")
    if args.report:
        Path(args.report).write_text(text + "\n", encoding="utf-8")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
