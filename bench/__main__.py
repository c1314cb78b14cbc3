"""`make bench`: every benchmark, printed as figures (targets are read, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench import explorer_bench, maintainer_bench, model_bench

ROOT = Path(__file__).resolve().parent.parent


def model_in_pyodide() -> int:
    """The same model benchmark inside Pyodide (Node), as the browser runs it."""
    return subprocess.run(["node", str(ROOT / "bench" / "model_bench_pyodide.mjs")], cwd=ROOT,
                          check=False).returncode


BENCHMARKS = [
    ("model, CPython", model_bench.main),
    ("model, Pyodide", model_in_pyodide),
    ("scenario explorer, headless Chromium", explorer_bench.main),
    ("maintainer: validate, pages, serve", maintainer_bench.main),
]


def main() -> int:
    failed = 0
    for title, run in BENCHMARKS:
        print(f"== {title} ==", flush=True)
        failed += 1 if run() else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
