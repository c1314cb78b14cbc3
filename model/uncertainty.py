"""The uncertainty band: how far the forecast could go, given what is uncertain about its inputs.

What varies, from the starting point on (``[uncertainty.*]`` in assumptions.toml gives each
range and its source; none was set by looking at a later count):

- the rate of children in care (not UASC): a lasting drift away from the scenario's path, from
  as fast a fall as the report's Falling scenario to as fast a rise as Thurrock's in 2011-2017,
  and a variation from year to year as large as Thurrock's around its 2011-2017 trend;
- the child population: anywhere between the scenario's projection and the other one;
- UASC: settling within two years between the report's expected 28 and 50;
- the effect of each programme switched on, within its range.

What does not: the starting point (known, so the band has no width there), what a week of care
costs and how long children stay (2017 spending is known; the report holds them), the years of
care a prevented entry avoids, inflation and programme costs.

Each run draws its inputs with seeded ``random.Random`` streams (one per kind of input, so
switching a programme on does not redraw the demand), so the same request always gives the
same band, in CPython and in Pyodide. The arithmetic is the forecast's own (``model.frame``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from model import frame as frames
from model.forecast import scenario_of
from model.parameters import Preset, assumptions, registry
from model.validation import format_number

BAND_FIELDS = ("lac", "total_cost", "net_cost")


@dataclass(frozen=True, slots=True)
class Settings:
    """The band's fixed ranges, read from ``[uncertainty]`` (percentages made shares)."""

    percentile_low: float
    percentile_high: float
    drift_low: float  # share of the rate per year
    drift_high: float
    year_to_year_sd: float  # share of the rate
    uasc_ramp_years: float

    @property
    def half_width(self) -> float:
        """Half-width of the symmetric triangular year-to-year variation with that SD."""
        return math.sqrt(6.0) * self.year_to_year_sd


@cache
def settings() -> Settings:
    unc = assumptions()["uncertainty"]
    rate = unc["rate"]
    return Settings(
        percentile_low=float(unc["percentile_low"]),
        percentile_high=float(unc["percentile_high"]),
        drift_low=float(rate["drift_low"]) / 100,
        drift_high=float(rate["drift_high"]) / 100,
        year_to_year_sd=float(rate["year_to_year_sd"]) / 100,
        uasc_ramp_years=float(unc["uasc"]["ramp_years"]),
    )


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
    """(name, low, central, high) for each parameter with an uncertainty range, centred on the
    current values: low and high keep their proportional distance from the central value.

    A range stops only where the quantity must: at the setting's minimum (no fewer than none),
    and at its maximum for a percentage (no more than all), where it keeps its shape and
    shrinks to fit, so that the value you set stays in the middle of what is drawn. Other
    maximums only bound what a reader may enter (200 UASC, say), not what could happen, so a
    drawn value may pass them."""
    out = []
    for name, p in registry().items():
        if p.low is None or p.high is None:
            continue
        central = values[name]
        if p.value:
            low, high = central * p.low / p.value, central * p.high / p.value
        else:
            low, high = central + p.low, central + p.high
        low, high = max(min(low, high), p.min), max(low, high)
        if p.unit == "%" and high > p.max:
            shrink = (p.max - central) / (high - central)
            low, high = central - (central - low) * shrink, p.max
        out.append((name, low, min(max(central, low), high), high))
    return out


@dataclass(frozen=True, slots=True)
class Plan:
    """What one band draws, for one scenario and set of values."""

    frame: frames.Frame
    uasc: tuple[float, float, float]  # low, central, high of the level UASC settle at
    effects: tuple[tuple[str, float, float, float], ...]  # programme effects in place
    central: dict[str, float]  # every programme effect in place, at its central value
    entries: bool  # a programme keeps children out of care
    incidents: bool  # a programme averts incidents of domestic violence


def plan(preset: Preset | str, values: Mapping[str, float]) -> Plan:
    frame = frames.build(scenario_of(preset), values)
    by_name = {name: (low, central, high) for name, low, central, high in ranges(values)}
    in_place = {t.effect for t in (*frame.entry_terms, *frame.incident_terms)}
    effects = tuple((name, *by_name[name]) for name in by_name if name in in_place)
    central = {t.effect: values[t.effect] for t in (*frame.entry_terms, *frame.incident_terms)}
    return Plan(frame, by_name["uasc"], effects, central, bool(frame.entry_terms),
                bool(frame.incident_terms))


def _draw(rng: random.Random, low: float, central: float, high: float) -> float:
    return rng.triangular(low, high, central) if high > low else central


def runs(the_plan: Plan, samples: int, seed: int) -> Iterator[tuple[list[float], list[float],
                                                                     list[float]]]:
    """(children, total cost, net cost) by year for each of ``samples`` runs."""
    s = settings()
    frame = the_plan.frame
    n, anchor = len(frame.years), frame.anchor
    rate_rng = random.Random(f"{seed}/rate")
    population_rng = random.Random(f"{seed}/population")
    uasc_rng = random.Random(f"{seed}/uasc")
    effect_rng = random.Random(f"{seed}/programmes")
    unit, width = rate_rng.random, s.half_width
    still = [0.0] * (anchor + 1)
    drawn = dict(the_plan.central)
    # The rate could fall below zero only if the steepest fall and the largest dip together
    # outweighed it; with the report-derived ranges they cannot (1 - 3.03% x 20 - 12.4% > 0).
    floor = 1.0 + s.drift_low * max(frame.since_anchor) - width < 0.0
    for _ in range(samples):
        drift = rate_rng.triangular(s.drift_low, s.drift_high, 0.0)
        variation = [*still, *((unit() + unit() - 1.0) * width for _ in range(n - anchor - 1))]
        toward_other = population_rng.triangular(0.0, 1.0, 0.0)
        uasc_level = _draw(uasc_rng, *the_plan.uasc)
        for name, low, central, high in the_plan.effects:
            drawn[name] = _draw(effect_rng, low, central, high)
        non_uasc = frames.non_uasc_children(frame, drift, variation, toward_other, floor)
        entries = frames.effect(frame.entry_terms, drawn) if the_plan.entries else 0.0
        lac, _ = frames.children(frame, non_uasc, uasc_level, entries)
        totals = frames.total_costs(frame, lac)
        if the_plan.incidents:
            savings = frames.other_savings(frame, totals, frames.effect(frame.incident_terms,
                                                                        drawn))
            nets = frames.net_costs(frame, totals, savings)
        elif any(frame.programme_cost):
            nets = [t + c for t, c in zip(totals, frame.programme_cost, strict=True)]
        else:
            nets = totals
        yield lac, totals, nets


def band(
    preset: Preset | str, values: Mapping[str, float], samples: int, seed: int
) -> dict[str, Any]:
    """The 5th-95th percentile band per year for children in care, total cost and net cost,
    and the same on the change since the starting point; with what varies and what does not."""
    s = settings()
    the_plan = plan(preset, values)
    frame = the_plan.frame
    columns: dict[str, list[list[float]]] = {field: [] for field in BAND_FIELDS}
    for drawn in runs(the_plan, samples, seed):
        for field, series in zip(BAND_FIELDS, drawn, strict=True):
            columns[field].append(series)
    out: dict[str, Any] = {
        "samples": samples,
        "seed": seed,
        "percentiles": [s.percentile_low, s.percentile_high],
        "years": list(frame.years),
        "start_year": frame.anchor_year,
    }
    for field in BAND_FIELDS:
        if field == "net_cost" and columns["net_cost"] == columns["total_cost"]:
            out["net_cost_low"], out["net_cost_high"] = out["total_cost_low"], out["total_cost_high"]
            continue  # no programme costs or savings: the net cost is the cost of care
        lows, highs = [], []
        for column in zip(*columns[field], strict=True):
            ordered = sorted(column)
            lows.append(percentile(ordered, s.percentile_low))
            highs.append(percentile(ordered, s.percentile_high))
        out[f"{field}_low"], out[f"{field}_high"] = lows, highs
    for field in ("lac", "total_cost"):
        start = out[f"{field}_low"][frame.anchor]  # the same in every run: nothing is drawn there
        out[f"{field}_change_low"] = [v - start for v in out[f"{field}_low"]]
        out[f"{field}_change_high"] = [v - start for v in out[f"{field}_high"]]
    out["varies"] = varies(the_plan)
    out["fixed"] = FIXED
    out["caption"] = caption(the_plan, samples)
    return out


FIXED = [
    "the starting point (it is known, so the band has no width there)",
    "what a week of care costs and the weeks each child spends in care (2017 spending is known, "
    "and the report holds them at 2017 levels)",
    "the years of care each child kept out of care avoids",
    "inflation",
    "what the programmes cost",
]
"""What the band does not vary, in words for its caption."""


def _percent(share: float) -> str:
    return f"{format_number(round(share * 100, 2))}%"


def varies(the_plan: Plan) -> list[dict[str, Any]]:
    """What the band varies, each with its range and source (for the API and the caption)."""
    s = settings()
    unc = assumptions()["uncertainty"]
    low, central, high = the_plan.uasc
    out: list[dict[str, Any]] = [
        {"input": "rate_drift", "label": "Lasting drift of the rate of children in care (not "
         "UASC) away from the scenario's path", "unit": "% of the rate a year",
         "low": s.drift_low * 100, "central": 0.0, "high": s.drift_high * 100,
         "source": unc["rate"]["drift_source"]},
        {"input": "rate_year_to_year", "label": "Year-to-year variation of that rate",
         "unit": "% of the rate (standard deviation)", "low": -s.half_width * 100,
         "central": 0.0, "high": s.half_width * 100, "sd": s.year_to_year_sd * 100,
         "source": unc["rate"]["year_to_year_source"]},
        {"input": "population", "label": "Child population growth, as a share of the way from "
         "the scenario's projection to the other one", "unit": "share", "low": 0.0,
         "central": 0.0, "high": 1.0, "source": unc["population"]["source"]},
        {"input": "uasc", "label": f"UASC in care, reached within "
         f"{format_number(s.uasc_ramp_years)} years", "unit": "children", "low": low,
         "central": central, "high": high, "source": registry()["uasc"].source},
    ]
    for name, e_low, e_central, e_high in the_plan.effects:
        p = registry()[name]
        out.append({"input": name, "label": p.label, "unit": p.unit, "low": e_low,
                    "central": e_central, "high": e_high, "source": p.source})
    return out


def caption(the_plan: Plan, samples: int) -> str:
    """The band in words: exactly what varies and what does not."""
    s = settings()
    frame = the_plan.frame
    low, _, high = the_plan.uasc
    start = (f"the count you gave for {frame.anchor_year}" if frame.observed
             else "August 2017")
    programmes = ("; and varies the effect of each programme switched on within its range"
                  if the_plan.effects else "")
    fixed = FIXED[1:]
    return (
        f"The shaded band holds the middle 90% (5th to 95th percentile) of {samples:,} runs of "
        f"the model. Each run lets the rate of children coming into care (not UASC) drift "
        f"away from the scenario's path, by up to {_percent(-s.drift_low)} a year down (the "
        f"report's Falling scenario) or {_percent(s.drift_high)} up (Thurrock's own rise in "
        f"2011-2017), and vary from year to year (standard deviation "
        f"{_percent(s.year_to_year_sd)}, as around its 2011-2017 trend); lets the child "
        f"population grow anywhere between the ONS and SHMA projections; lets UASC settle "
        f"between {format_number(round(low, 1))} and {format_number(round(high, 1))} within "
        f"{format_number(s.uasc_ramp_years)} years{programmes}. It does not vary "
        f"{'; '.join(fixed[:-1])} or {fixed[-1]}. It starts from {start}, which is known, so "
        "it has no width there."
    )
