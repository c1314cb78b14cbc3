"""The yearly forecast: children in care, weeks of care and their cost, 2017 to the end year.

children in care = non-UASC rate x child population / 10,000 + UASC (less any kept out of care)
weeks of care    = children x average weeks in care
placement cost   = weeks x cost per week
non-placement    = weeks x non-placement cost per week, or the 2017 amount held (Falling CLA)

A scenario is a preset with its choices (population projection, rate path, how non-placement
costs behave), possibly changed with ``Preset.with_choices``; the numbers are in ``values``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from model import population, rates
from model.costs import non_placement_per_week
from model.parameters import Preset, presets
from model.programmes import annual_effects

BASE_YEAR = population.BASE_YEAR

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
"""Every row has these keys, in this order (the command line's CSV columns)."""

Row = dict[str, float]


def _preset(preset: Preset | str) -> Preset:
    if isinstance(preset, Preset):
        return preset
    try:
        return presets()[preset]
    except KeyError:
        known = ", ".join(presets())
        raise KeyError(f"unknown scenario {preset!r}; choose from {known}") from None


def run(preset: Preset | str, values: Mapping[str, float]) -> list[Row]:
    """One row per year from 2017 to ``end_year`` for a scenario and a full set of values."""
    scenario = _preset(preset)
    end_year = int(values["end_year"])
    n = end_year - BASE_YEAR + 1
    pops = population.scaled(scenario.population_projection, values["population_growth_scale"])
    path = rates.path(
        scenario.rate_path,
        values["non_uasc_rate"],
        values["target_rate"],
        values["years_to_target"],
    )
    uasc = values["uasc"]
    weeks_base = values["weeks_in_care"]
    price_base = values["cost_per_week"]
    other_per_week = non_placement_per_week(values)
    inflation = 1 + values["cost_inflation"] / 100
    start = int(values["programme_start_year"])
    prevented_a_year, programme_cost_a_year, other_savings_a_year = annual_effects(values)
    weeks_cut = values["reunification_weeks_reduction"]
    price_cut = values["placement_cost_reduction"] / 100
    fixed_non_placement = scenario.non_placement_costs == "constant"

    rows: list[Row] = []
    base_non_placement = 0.0
    base_total = 0.0
    for i in range(n):
        year = BASE_YEAR + i
        active = year >= start
        pop = pops[i]
        rate = path[i]
        lac_before = rate * pop / 10_000 + uasc
        prevented = min(prevented_a_year, lac_before) if active else 0.0
        lac = lac_before - prevented
        weeks_each = max(weeks_base - weeks_cut, 0.0) if active else weeks_base
        weeks = lac * weeks_each
        prices = inflation**i
        price = price_base * (1 - price_cut) if active else price_base
        placement = weeks * price * prices
        if fixed_non_placement and i > 0:
            non_placement = base_non_placement * prices
        else:
            non_placement = weeks * other_per_week * prices
        total = math.fsum((placement, non_placement))
        if i == 0:
            base_non_placement = non_placement
            base_total = total
        programme_cost = programme_cost_a_year * prices if active else 0.0
        other_savings = other_savings_a_year * prices if active else 0.0
        rows.append(
            {
                "year": year,
                "child_population": pop,
                "non_uasc_rate": rate,
                "uasc": uasc,
                "lac": lac,
                "lac_prevented": prevented,
                "weeks_of_care": weeks,
                "placement_cost": placement,
                "non_placement_cost": non_placement,
                "total_cost": total,
                "change_vs_base_year": total - base_total,
                "programme_cost": programme_cost,
                "other_savings": other_savings,
                "net_cost": math.fsum((total, programme_cost, -other_savings)),
            }
        )
    return rows


def change_after(rows: list[Row], years: int, field: str = "total_cost") -> float | None:
    """Change in ``field`` between 2017 and ``years`` later, or None beyond the forecast."""
    if years >= len(rows):
        return None
    return rows[years][field] - rows[0][field]
