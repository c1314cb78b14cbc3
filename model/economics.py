"""What a programme costs and saves, from the scenario's own forecast.

A programme's savings are the forecast without it less the forecast with it, in the same
scenario, year by year: so they follow the scenario's choices (in the Falling scenario, where
non-placement costs are held, a child kept out of care saves only the placement), the start year,
the years of care each prevented entry avoids, inflation and the guard rails. Each programme is
costed on its own, every other lever switched off; all of them together are the forecast with
every lever as set.

For each: the yearly cost, gross and net savings and their running total, in cash (with the
inflation setting) and in real terms (2017 prices); the payback year, the first year from which
the running net saving never falls below zero again (``None``: it never pays back within the
forecast); and the net present value of the real net savings at the discount rate (HM Treasury
Green Book default 3.5%), discounted to the forecast's starting year.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from model import frame as frames
from model.forecast import Row, rows_of, scenario_of
from model.parameters import LEVERS, Preset, do_nothing, only
from model.programmes import LABELS, NOTES, PROGRAMME_IDS

PAYBACK_TOLERANCE = 0.5
"""£: a running net saving above minus 50p counts as paid back (float noise at break-even)."""

SERIES = ("cost", "gross_savings", "cashable_savings", "net_savings", "cumulative_net_savings")


def _running(values: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for value in values:
        total += value
        out.append(total)
    return out


def payback_year(years: Sequence[int], cumulative: Sequence[float]) -> int | None:
    """The first year from which the running net saving stays at or above zero, or None."""
    found = None
    for year, total in zip(years, cumulative, strict=True):
        if total < -PAYBACK_TOLERANCE:
            found = None
        elif found is None:
            found = year
    return found


def net_present_value(years: Sequence[int], real_net: Sequence[float], start_year: int,
                      rate_percent: float) -> float:
    """Sum of real net savings, each divided by (1 + rate)^(years after the start year)."""
    factor = 1 + rate_percent / 100
    return math.fsum(v / factor ** (year - start_year)
                     for year, v in zip(years, real_net, strict=True))


def _series(without: Sequence[Row], with_: Sequence[Row], first: int) -> dict[str, list[float]]:
    """Cash figures for each year from index ``first``: the forecast difference."""
    pairs = list(zip(without[first:], with_[first:], strict=True))
    net = [a["net_cost"] - b["net_cost"] for a, b in pairs]
    return {
        "cost": [b["programme_cost"] for _, b in pairs],
        "gross_savings": [a["total_cost"] - b["total_cost"] + b["other_savings"]
                          for a, b in pairs],
        "cashable_savings": [a["placement_cost"] - b["placement_cost"] for a, b in pairs],
        "net_savings": net,
        "cumulative_net_savings": _running(net),
    }


def _real(cash: Mapping[str, list[float]], prices: Sequence[float]) -> dict[str, list[float]]:
    real = {key: [v / p for v, p in zip(values, prices, strict=True)]
            for key, values in cash.items() if key != "cumulative_net_savings"}
    real["cumulative_net_savings"] = _running(real["net_savings"])
    return real


def difference(frame: frames.Frame, with_rows: Sequence[Row], without: Sequence[Row],
               discount_rate: float) -> dict[str, Any]:
    """The forecast without the levers less the forecast with them, from the year they start:
    yearly cash and real figures, totals, payback year and net present value."""
    first = (frame.years.index(frame.start_year) if frame.start_year in frame.years
             else len(frame.years))
    years = list(frame.years[first:])
    cash = _series(without, with_rows, first)
    real = _real(cash, frame.prices[first:])
    return {
        "first_year": {"year": years[0] if years else None,
                       **{key: (cash[key][0] if years else 0.0) for key in SERIES[:4]}},
        "years": years,
        "children_kept_out": [row["lac_prevented"] for row in with_rows[first:]],
        "cash": cash,
        "real": real,
        "totals": {
            "cash": {key: math.fsum(cash[key]) for key in SERIES[:4]},
            "real": {key: math.fsum(real[key]) for key in SERIES[:4]},
        },
        "payback": payback_year(years, cash["cumulative_net_savings"]),
        "npv": net_present_value(years, real["net_savings"], frame.anchor_year, discount_rate),
        "discount_rate": discount_rate,
        "npv_year": frame.anchor_year,
    }


def evaluate(scenario: Preset | str, values: Mapping[str, float], programme: str,
             scale: Mapping[str, float] | None = None,
             without: tuple[frames.Frame, Sequence[Row]] | None = None) -> dict[str, Any]:
    """One programme on its own in ``scenario``: at its setting in ``values``, or at ``scale``
    (the report's proposal, say), with every other setting from ``values``.

    ``without`` is the do-nothing frame and forecast of the same scenario and values, when the
    caller has them already."""
    chosen = scenario_of(scenario)
    lever = LEVERS[programme]
    with_values = only(values, programme, scale)
    baseline_values = do_nothing(values)
    in_place = with_values != baseline_values
    if without is None:
        without = baseline(chosen, baseline_values)
    frame = frames.build(chosen, with_values) if in_place else without[0]
    with_rows = rows_of(frame) if in_place else without[1]
    result = difference(frame, with_rows, without[1], values["discount_rate"])
    kept, first = result["children_kept_out"], result["first_year"]
    saving_per_child = first["gross_savings"] / kept[0] if kept and kept[0] else 0.0
    if not in_place:
        result["payback"] = None
    return {
        "id": programme,
        "label": LABELS[programme],
        "note": NOTES[programme],
        "capacity_parameter": lever.capacity,
        "capacity_unit": lever.unit,
        "capacity": with_values[lever.capacity],
        "in_place": in_place,
        "start_year": frame.start_year,
        "children_prevented": frame.entries,
        "incidents_averted": frame.incidents,
        "health_savings": frame.incidents * with_values["dv_health_cost_per_incident"],
        "years_of_care_avoided": with_values["years_of_care_avoided"],
        "cost": result["real"]["cost"][0] if result["years"] else 0.0,
        "break_even_children": (first["cost"] / saving_per_child
                                if saving_per_child > 0 else None),
        **result,
    }


def baseline(scenario: Preset, values: Mapping[str, float]) -> tuple[frames.Frame, list[Row]]:
    """The do-nothing frame and forecast that every programme is set against."""
    frame = frames.build(scenario, do_nothing(values))
    return frame, rows_of(frame)


def evaluate_all(scenario: Preset | str, values: Mapping[str, float],
                 scale: Mapping[str, float] | None = None) -> dict[str, dict[str, Any]]:
    """Every programme on its own, sharing one do-nothing forecast."""
    chosen = scenario_of(scenario)
    without = baseline(chosen, values)
    return {pid: evaluate(chosen, values, pid, scale, without) for pid in PROGRAMME_IDS}


@lru_cache(maxsize=16)
def _at_scale(scenario: Preset, items: tuple[tuple[str, float], ...],
              scale_items: tuple[tuple[str, float], ...]) -> dict[str, dict[str, Any]]:
    return evaluate_all(scenario, dict(items), dict(scale_items))


def at_scale(scenario: Preset | str, values: Mapping[str, float],
             scale: Mapping[str, float]) -> dict[str, dict[str, Any]]:
    """``evaluate_all`` at a fixed scale (the report's proposals), remembered: the proposals do
    not change while a reader moves a programme's own slider. The result is shared between
    calls, so treat it as read-only."""
    levers = {lever.capacity for lever in LEVERS.values()}
    others = tuple(sorted((k, v) for k, v in values.items() if k not in levers))
    return _at_scale(scenario_of(scenario), others, tuple(sorted(scale.items())))
