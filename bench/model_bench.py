"""Speed of the model: a 20-year run, a slider move and a 1,000-sample uncertainty band.

The band's target is under 100 ms in Pyodide (the browser computes it when the reader pauses).
Before band v2 (issue 8) the band took 73 ms in CPython 3.11 and 213 ms in Pyodide on this
machine, under load; it now draws the demand for care and reuses one frame of yearly drivers
instead of building every row of the forecast 1,000 times.

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
BAND_TARGET_MS = 100.0  # in Pyodide


def batch_seconds(func: Callable[[], object], repeat: int, batches: int = BATCHES) -> list[float]:
    """The mean time of ``repeat`` calls, for each of ``batches`` batches."""
    func()  # warm caches (files parsed, population series built)
    times = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(repeat):
            func()
        times.append((time.perf_counter() - start) / repeat)
    return times


def median_seconds(func: Callable[[], object], repeat: int, batches: int = BATCHES) -> float:
    """Median over ``batches`` of the mean time of ``repeat`` calls."""
    return statistics.median(batch_seconds(func, repeat, batches))


def measure() -> dict[str, float]:
    values = parameters.defaults()
    values["end_year"] = 2037
    band = batch_seconds(lambda: uncertainty.band("rising-lac", values, SAMPLES, 2017), 1,
                         batches=9)
    moves = iter(range(10**9))

    def move_a_lever() -> object:
        families = str(100 + next(moves) % 50)  # a new value each time, as a slider gives
        return api.compute({"scenario": "rising-lac", "overrides": {
            "non_uasc_rate": "70", "edge_of_care_families": families}})

    def move_the_rate() -> object:
        rate = str(60 + next(moves) % 50 / 10)  # every setting changes the proposals' savings
        return api.compute({"scenario": "rising-lac", "overrides": {
            "non_uasc_rate": rate, "edge_of_care_families": "135.5"}})

    return {
        "run_20_years_ms": median_seconds(lambda: forecast.run("rising-lac", values), 500) * 1e3,
        "compute_slider_move_ms": median_seconds(move_a_lever, 200) * 1e3,
        "compute_rate_move_ms": median_seconds(move_the_rate, 100) * 1e3,
        "uncertainty_1000_samples_ms": statistics.median(band) * 1e3,
        "uncertainty_1000_samples_best_ms": min(band) * 1e3,
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
    print(f"  api.compute, a programme's slider         {figures['compute_slider_move_ms']:8.3f} ms")
    print(f"  api.compute, the rate's slider            {figures['compute_rate_move_ms']:8.3f} ms"
          "  (every programme's economics again)")
    print(f"  uncertainty band, {SAMPLES:,} samples x 20 years "
          f"{figures['uncertainty_1000_samples_ms']:8.1f} ms  (best of 9: "
          f"{figures['uncertainty_1000_samples_best_ms']:.1f} ms; target in Pyodide: under "
          f"{BAND_TARGET_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
