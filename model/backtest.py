"""Back-test: the 2017 projections set beside what later committee papers reported.

Actual figures, with their document and place, are in ``[[backtest.actual]]`` of
assumptions.toml; each is compared with every scenario's value for its year.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model.forecast import run
from model.parameters import PRESET_IDS, assumptions, defaults


def observations() -> list[dict[str, Any]]:
    """The actual figures from later documents, oldest first."""
    return [dict(item) for item in assumptions()["backtest"]["actual"]]


def compare(values: Mapping[str, float] | None = None) -> list[dict[str, Any]]:
    """Each observation with each scenario's projection for its year (default settings).

    Model years describe the position in the base month (August 2017) of each year.
    """
    settings = dict(defaults() if values is None else values)
    by_preset = {pid: {int(r["year"]): r for r in run(pid, settings)} for pid in PRESET_IDS}
    out = []
    for obs in observations():
        year = int(obs["year"])
        projections: dict[str, dict[str, float]] = {}
        for pid in PRESET_IDS:
            row = by_preset[pid].get(year)
            if row is None:
                continue
            entry: dict[str, float] = {}
            if "lac" in obs:
                entry["lac"] = row["lac"]
                entry["lac_error"] = row["lac"] - float(obs["lac"])
            if "child_population" in obs:
                entry["child_population"] = row["child_population"]
                entry["child_population_error"] = row["child_population"] - float(
                    obs["child_population"]
                )
            if "uasc" in obs:
                entry["uasc"] = row["uasc"]
            projections[pid] = entry
        out.append({**obs, "projections": projections})
    return out
