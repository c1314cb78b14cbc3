"""The yearly forecast: children in care, weeks of care and their cost, 2017 to the end year.

children in care = non-UASC rate x child population / 10,000 + UASC (less any kept out of care)
weeks of care    = children x average weeks in care
placement cost   = weeks x cost per week
non-placement    = weeks x non-placement cost per week, or the 2017 amount held (Falling CLA)

A scenario is a preset with its choices (population projection, rate path, how non-placement
costs behave, where the forecast starts), possibly changed with ``Preset.with_choices``; the
numbers are in ``values``. The arithmetic itself is in ``model.frame``, shared with the band.
"""

from __future__ import annotations

from collections.abc import Mapping

from model import frame as frames
from model.parameters import Preset, presets

BASE_YEAR = frames.BASE_YEAR

ROW_FIELDS = (
    "year",
    "child_population",
    "non_uasc_rate",
    "uasc",
    "lac",
    "lac_prevented",
    "weeks_of_care",
    "placement_cost",
    "non_placement_cost",
    "total_cost",
    "change_vs_base_year",
    "programme_cost",
    "other_savings",
    "net_cost",
)
"""Every row has these keys, in this order (the command line's CSV columns).

``change_vs_base_year`` is the change against the starting year: 2017, or the year of the
later count when the forecast starts from one."""

Row = dict[str, float]


def scenario_of(preset: Preset | str) -> Preset:
    if isinstance(preset, Preset):
        return preset
    try:
        return presets()[preset]
    except KeyError:
        known = ", ".join(presets())
        raise KeyError(f"unknown scenario {preset!r}; choose from {known}") from None


def run(preset: Preset | str, values: Mapping[str, float]) -> list[Row]:
    """One row per year from 2017 to ``end_year`` for a scenario and a full set of values."""
    return rows_of(frames.build(scenario_of(preset), values))


def rows_of(frame: frames.Frame) -> list[Row]:
    """The forecast of a frame, every uncertain input at its central value."""
    non_uasc = frames.non_uasc_children(frame)
    lac, kept = frames.children(frame, non_uasc)
    totals = frames.total_costs(frame, lac)
    savings = frames.other_savings(frame, totals)
    nets = frames.net_costs(frame, totals, savings)
    start_total = totals[frame.anchor]
    rows: list[Row] = []
    for i, year in enumerate(frame.years):
        children = lac[i]
        rows.append({
            "year": year,
            "child_population": frame.population[i],
            "non_uasc_rate": frame.rate[i],
            "uasc": frame.uasc,
            "lac": children,
            "lac_prevented": kept[i],
            "weeks_of_care": children * frame.weeks_each[i],
            "placement_cost": children * frame.placement_per_child[i],
            "non_placement_cost": children * frame.other_per_child[i] + frame.held_other[i],
            "total_cost": totals[i],
            "change_vs_base_year": totals[i] - start_total,
            "programme_cost": frame.programme_cost[i],
            "other_savings": savings[i],
            "net_cost": nets[i],
        })
    return rows


def change_after(rows: list[Row], years: int, field: str = "total_cost",
                 start: int = 0) -> float | None:
    """Change in ``field`` from row ``start`` to ``years`` later, or None beyond the forecast."""
    if start + years >= len(rows):
        return None
    return rows[start + years][field] - rows[start][field]
