"""A band around the forecast: Monte Carlo over the inputs the report calls uncertain.

Each uncertain input is drawn from a triangular distribution (low, central, high) with a seeded
``random.Random``, so the same request always gives the same band, in CPython and in Pyodide.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from model.forecast import run
from model.parameters import Preset, assumptions, registry


def percentile(sorted_values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    if not sorted_values:
        raise ValueError("no values")
    position = (len(sorted_values) - 1) * q / 100
    lower = int(position)
    upper = min(lower + 1, len(sorted_values) - 1)
    share = position - lower
    return sorted_values[lower] + (sorted_values[upper] - sorted_values[lower]) * share


def ranges(values: Mapping[str, float]) -> list[tuple[str, float, float, float]]:
    """(name, low, central, high) for each uncertain input, centred on the current values.

    The registry's low and high keep their proportional distance from the central value.
    """
    out = []
    for name, p in registry().items():
        if p.low is None or p.high is None:
            continue
        central = values[name]
        if p.value:
            low, high = central * p.low / p.value, central * p.high / p.value
        else:
            low, high = central + p.low, central + p.high
        low, high = max(min(low, high), p.min), min(max(low, high), p.max)
        out.append((name, low, min(max(central, low), high), high))
    return out


def band(
    preset: Preset | str, values: Mapping[str, float], samples: int, seed: int
) -> dict[str, Any]:
    """5th-95th percentile band per year for children in care, total cost and net cost."""
    settings = assumptions()["uncertainty"]
    q_low, q_high = float(settings["percentile_low"]), float(settings["percentile_high"])
    rng = random.Random(seed)
    inputs = ranges(values)
    fields = ("lac", "total_cost", "net_cost")
    draws: dict[str, list[list[float]]] = {field: [] for field in fields}
    trial = dict(values)
    for _ in range(samples):
        for name, low, central, high in inputs:
            trial[name] = rng.triangular(low, high, central) if high > low else central
        rows = run(preset, trial)
        for field in fields:
            draws[field].append([row[field] for row in rows])
    years = [int(row["year"]) for row in run(preset, values)]
    out: dict[str, Any] = {
        "samples": samples,
        "seed": seed,
        "percentiles": [q_low, q_high],
        "years": years,
        "inputs": [
            {"parameter": name, "low": low, "central": central, "high": high}
            for name, low, central, high in inputs
        ],
    }
    for field in fields:
        per_year = list(zip(*draws[field], strict=True))
        lows, highs = [], []
        for column in per_year:
            ordered = sorted(column)
            lows.append(percentile(ordered, q_low))
            highs.append(percentile(ordered, q_high))
        out[f"{field}_low"] = lows
        out[f"{field}_high"] = highs
    return out
