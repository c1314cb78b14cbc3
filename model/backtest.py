"""Back-test: the 2017 projections set beside what later committee papers reported.

Actual figures, with their document and place, are in ``[[backtest.actual]]`` of
assumptions.toml. Each model year is the position in August (the month of the report's 2017
figures); a count from another month is compared with the straight line between the two August
positions around it. None of these counts was used to set an input or a range: they only test
the forecasts and their bands.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from model import uncertainty
from model.forecast import run
from model.parameters import PRESET_IDS, assumptions, base_month, defaults

BASE_YEAR = 2017


def observations() -> list[dict[str, Any]]:
    """The actual figures from later documents, oldest first."""
    return [dict(item) for item in assumptions()["backtest"]["actual"]]


def position(date: str) -> float:
    """Years after August 2017 of a "YYYY-MM" date (the index into a forecast's rows)."""
    year, month = (int(part) for part in date.split("-"))
    return year - BASE_YEAR + (month - base_month()) / 12


def later_counts() -> list[dict[str, Any]]:
    """Counts of looked-after children after the starting point (August 2017), oldest first.

    A count that two papers give for the same month is one count with two ``sources``; two
    papers that give different counts for one month (313 and 311 in September 2017) are two."""
    out: list[dict[str, Any]] = []
    for obs in observations():
        if "lac" not in obs or position(obs["date"]) <= 0:
            continue
        source = {"document": obs["document"], "where": obs["where"]}
        same = next((c for c in out if (c["date"], c["lac"]) == (obs["date"], obs["lac"])), None)
        if same is None:
            out.append({"date": obs["date"], "lac": obs["lac"], "sources": [source]})
        else:
            same["sources"].append(source)
    return out


def at(series: Sequence[float], index: float) -> float | None:
    """The value at a fractional year index: a straight line between yearly positions."""
    if index < 0 or index > len(series) - 1:
        return None
    lower = int(index)
    if lower == len(series) - 1:
        return series[lower]
    share = index - lower
    return series[lower] + (series[lower + 1] - series[lower]) * share


def compare(values: Mapping[str, float] | None = None) -> list[dict[str, Any]]:
    """Each observation with each scenario's projection at its date (default settings)."""
    settings = dict(defaults() if values is None else values)
    forecasts = {pid: run(pid, settings) for pid in PRESET_IDS}
    out = []
    for obs in observations():
        index = position(obs["date"])
        projections: dict[str, dict[str, float]] = {}
        for pid, rows in forecasts.items():
            entry: dict[str, float] = {}
            for field in ("lac", "child_population", "uasc"):
                if field not in obs:
                    continue
                value = at([r[field] for r in rows], index)
                if value is None:
                    continue
                entry[field] = value
                if field != "uasc":
                    entry[f"{field}_error"] = value - float(obs[field])
            if entry:
                projections[pid] = entry
        out.append({**obs, "position": index, "projections": projections})
    return out


def coverage(values: Mapping[str, float] | None = None, samples: int | None = None,
             seed: int | None = None) -> dict[str, Any]:
    """Whether each scenario's 2017 band (5th to 95th percentile) holds each later count.

    The band is computed as the explorer computes it, with the default settings, samples and
    seed; at a count's date each run is read off the straight line between its yearly values.
    """
    settings = dict(defaults() if values is None else values)
    unc = assumptions()["uncertainty"]
    samples = int(unc["default_samples"]) if samples is None else samples
    seed = int(unc["default_seed"]) if seed is None else seed
    low_q, high_q = float(unc["percentile_low"]), float(unc["percentile_high"])
    counts = later_counts()
    table = [{**obs, "by_preset": {}} for obs in counts]
    summary: dict[str, dict[str, int]] = {}
    for pid in PRESET_IDS:
        central = [r["lac"] for r in run(pid, settings)]
        the_plan = uncertainty.plan(pid, settings)
        paths = [lac for lac, _, _ in uncertainty.runs(the_plan, samples, seed)]
        held = 0
        for row in table:
            index = position(row["date"])
            drawn = sorted(v for v in (at(path, index) for path in paths) if v is not None)
            value = at(central, index)
            if value is None or not drawn:
                continue
            low = uncertainty.percentile(drawn, low_q)
            high = uncertainty.percentile(drawn, high_q)
            inside = low <= row["lac"] <= high
            held += inside
            row["by_preset"][pid] = {"central": value, "low": low, "high": high,
                                     "covered": inside}
        summary[pid] = {"covered": held, "counts": len(table)}
    return {"samples": samples, "seed": seed, "percentiles": [low_q, high_q],
            "counts": table, "summary": summary}
