"""Speed of the model: a 20-year run, a slider move and a 1,000-sample uncertainty band.

usage: python bench/model_bench.py [--json] [--label NAME]   (from the repository root)

Runs unchanged in Pyodide (bench/model_bench_pyodide.mjs). Each figure is the median of several
timed batches, so one slow batch (a garbage collection, a cold cache) does not move it.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model import api, forecast, parameters, uncertainty

BATCHES = 7
SAMPLES = 1000


def median_seconds(func: Callable[[], object], repeat: int, batches: int = BATCHES) -> float:
    """Median over ``batches`` of the mean time of ``repeat`` calls."""
    func()  # warm caches (files parsed, population series built)
    times = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(repeat):
            func()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def measure() -> dict[str, float]:
    values = parameters.defaults()
    values["end_year"] = 2037
    request = {"scenario": "rising-lac", "overrides": {"non_uasc_rate": "70",
                                                      "edge_of_care_families": "135.5"}}
    return {
        "run_20_years_ms": median_seconds(lambda: forecast.run("rising-lac", values), 500) * 1e3,
        "compute_slider_move_ms": median_seconds(lambda: api.compute(request), 200) * 1e3,
        "uncertainty_1000_samples_ms": median_seconds(
            lambda: uncertainty.band("rising-lac", values, SAMPLES, 2017), 1, batches=5
        ) * 1e3,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    label = args[args.index("--label") + 1] if "--label" in args else (
        f"CPython {platform.python_version()}")
    figures = measure()
    if "--json" in args:
        print(json.dumps({"runtime": label, **figures}))
        return 0
    print(f"{label}:")
    print(f"  20-year run (2017-2037), one scenario     {figures['run_20_years_ms']:8.3f} ms")
    print(f"  api.compute, one slider move (2 runs)     {figures['compute_slider_move_ms']:8.3f} ms")
    print(f"  uncertainty band, {SAMPLES:,} samples x 20 years "
          f"{figures['uncertainty_1000_samples_ms']:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
