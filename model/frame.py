"""The yearly drivers of one forecast, and the report's arithmetic on them.

A frame holds, for each year from 2017 to the end year, everything a forecast needs that no
uncertain input changes: the scenario's child population and rate path, where the forecast
starts, what a child in care costs, what the programmes cost and when they start. ``children``
and ``costs`` then do the report's arithmetic (Appendix 1):

    children in care = rate x population / 10,000 + UASC - children kept out of care
    cost             = children x (placement + non-placement cost of a child) + any held cost

The forecast (``model.forecast.run``) calls them with every uncertain input at its central value;
the uncertainty band (``model.uncertainty``) with drawn values. So the band and the line it
surrounds come from one method, and at the starting point, where nothing is drawn, they agree
to the last digit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from model import population, rates
from model.costs import non_placement_per_week
from model.parameters import Preset, assumptions
from model.programmes import effect_terms

BASE_YEAR = population.BASE_YEAR


@dataclass(frozen=True, slots=True)
class EffectTerm:
    """One programme's contribution to a yearly effect: capacity x effect / divisor."""

    capacity: float
    effect: str  # the parameter holding the effect (success rate, births or incidents per place)
    divisor: float  # 100 where the effect is a percentage


@dataclass(frozen=True, slots=True)
class Frame:
    """Per-year drivers of one scenario with one set of values (tuples, index 0 = 2017)."""

    years: tuple[int, ...]
    anchor: int  # index of the starting position: 0 (August 2017) or the later count's year
    observed: bool  # the forecast starts from a later count
    population: tuple[float, ...]  # the scenario's projection
    population_gap: tuple[float, ...]  # the other projection's extra growth since the anchor
    rate: tuple[float, ...]  # the non-UASC rate path per 10,000 children
    since_anchor: tuple[float, ...]  # years after the starting position (0 up to it)
    uasc: float
    uasc_ramp: tuple[float, ...]  # 0 up to the anchor, then rising to 1 over the ramp years
    start_year: int  # the first year programmes and placement levers work
    care_years: tuple[float, ...]  # years of prevented entries still out of care (0 before)
    entry_terms: tuple[EffectTerm, ...]  # children kept out of care a year, by programme
    incident_terms: tuple[EffectTerm, ...]  # incidents of domestic violence averted a year
    entries: float  # children kept out of care a year at the central effects
    incidents: float  # incidents averted a year at the central effects
    weeks_each: tuple[float, ...]  # weeks of care per child
    placement_per_child: tuple[float, ...]  # £ a year, inflation included
    other_per_child: tuple[float, ...]  # non-placement £ a year per child (0 when held)
    cost_per_child: tuple[float, ...]  # the two together
    held_other: tuple[float, ...]  # non-placement costs held at the 2017 amount (else 0)
    programme_cost: tuple[float, ...]
    saving_per_incident: tuple[float, ...]  # to social care, 0 before the programmes start
    prices: tuple[float, ...]  # the inflation index, 1 in 2017

    @property
    def anchor_year(self) -> int:
        return self.years[self.anchor]


def effect(terms: Sequence[EffectTerm], values: Mapping[str, float]) -> float:
    """A yearly effect (children kept out of care, incidents averted) with these effect values."""
    return math.fsum(t.capacity * values[t.effect] / t.divisor for t in terms)


def _anchor_index(scenario: Preset, values: Mapping[str, float], n: int) -> int:
    if scenario.start_from != "observed":
        return 0
    return max(1, min(int(values["observed_year"]) - BASE_YEAR, n - 1))


def _population(scenario: Preset, values: Mapping[str, float], n: int,
                anchor: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The scenario's projection, and how much more (or less) the other one grows after the
    anchor, as a number of children: the band draws a share of that gap."""
    scale = values["population_growth_scale"]
    own_name = scenario.population_projection
    other_name = "shma" if own_name == "ons" else "ons"
    own = population.scaled(own_name, scale)[:n]
    other = population.scaled(other_name, scale)[:n]
    at_own, at_other = own[anchor], other[anchor]
    gap = tuple(0.0 if i <= anchor else (other[i] / at_other - own[i] / at_own) * at_own
                for i in range(n))
    return own, gap


def _rate_path(scenario: Preset, values: Mapping[str, float], pops: Sequence[float],
               n: int, anchor: int) -> tuple[float, ...]:
    """The non-UASC rate each year; through the later count when the forecast starts from one."""
    target, years = values["target_rate"], values["years_to_target"]
    if anchor == 0:
        return tuple(rates.path(scenario.rate_path, values["non_uasc_rate"], target, years)[:n])
    count = values["observed_lac"]
    rate_then = max(count - values["uasc"], 0.0) / pops[anchor] * 10_000
    after = rates.path_from(scenario.rate_path, anchor, rate_then, target, years)
    first = values["non_uasc_rate"]
    before = [first + (rate_then - first) * i / anchor for i in range(anchor)]
    return tuple([*before, *after[anchor:n]])


def build(scenario: Preset, values: Mapping[str, float]) -> Frame:
    """Everything a forecast of ``scenario`` with ``values`` needs, year by year."""
    end_year = int(values["end_year"])
    n = end_year - BASE_YEAR + 1
    years = tuple(range(BASE_YEAR, end_year + 1))
    anchor = _anchor_index(scenario, values, n)
    pops, gap = _population(scenario, values, n, anchor)
    path = _rate_path(scenario, values, pops, n, anchor)
    ramp_years = float(assumptions()["uncertainty"]["uasc"]["ramp_years"])
    since = tuple(float(max(i - anchor, 0)) for i in range(n))
    ramp = tuple(min(k / ramp_years, 1.0) for k in since)

    start = max(int(values["programme_start_year"]), years[anchor] + 1)
    active = tuple(year >= start for year in years)
    lasting = values["years_of_care_avoided"]
    care_years = tuple(min(float(year - start + 1), lasting) if on else 0.0
                       for year, on in zip(years, active, strict=True))
    entry_terms, incident_terms, cost_a_year = effect_terms(values)
    entries = tuple(EffectTerm(*term) for term in entry_terms)
    incidents = tuple(EffectTerm(*term) for term in incident_terms)

    inflation = 1 + values["cost_inflation"] / 100
    prices = tuple(inflation**i for i in range(n))
    weeks, cut = values["weeks_in_care"], values["reunification_weeks_reduction"]
    price, price_cut = values["cost_per_week"], values["placement_cost_reduction"] / 100
    other_per_week = non_placement_per_week(values)
    weeks_each = tuple(max(weeks - cut, 0.0) if on else weeks for on in active)
    placement = tuple(w * (price * (1 - price_cut) if on else price) * p
                      for w, on, p in zip(weeks_each, active, prices, strict=True))
    held = scenario.non_placement_costs == "constant"
    other = tuple(0.0 if held and i > 0 else w * other_per_week * p
                  for i, (w, p) in enumerate(zip(weeks_each, prices, strict=True)))
    children_2017 = path[0] * pops[0] / 10_000 + values["uasc"]
    held_2017 = children_2017 * other[0]
    held_other = tuple(held_2017 * p if held and i > 0 else 0.0 for i, p in enumerate(prices))
    per_incident = values["dv_social_care_cost_per_incident"]

    return Frame(
        years=years, anchor=anchor, observed=scenario.start_from == "observed",
        population=pops, population_gap=gap, rate=path, since_anchor=since,
        uasc=values["uasc"], uasc_ramp=ramp, start_year=start, care_years=care_years,
        entry_terms=entries, incident_terms=incidents,
        entries=effect(entries, values), incidents=effect(incidents, values),
        weeks_each=weeks_each, placement_per_child=placement, other_per_child=other,
        cost_per_child=tuple(a + o for a, o in zip(placement, other, strict=True)),
        held_other=held_other,
        programme_cost=tuple(cost_a_year * p if on else 0.0
                             for on, p in zip(active, prices, strict=True)),
        saving_per_incident=tuple(per_incident * p if on else 0.0
                                  for on, p in zip(active, prices, strict=True)),
        prices=prices,
    )


# ---------------------------------------------------------------------------------- the arithmetic
def non_uasc_children(frame: Frame, drift: float = 0.0, variation: Sequence[float] | None = None,
                      toward_other: float = 0.0, floor: bool = False) -> list[float]:
    """Children in care who are not UASC, before any programme: rate x population / 10,000.

    ``drift`` (a share of the rate a year since the start), ``variation`` (a share of the rate,
    each year) and ``toward_other`` (the share of the way to the other population projection)
    are the band's drawn inputs; all zero is the forecast itself. ``floor``: keep the rate at
    or above zero, for draws that could take it below (the caller knows; it costs time)."""
    shifts = variation if variation is not None else (0.0,) * len(frame.years)
    rows = zip(frame.rate, frame.since_anchor, shifts, frame.population, frame.population_gap,
               strict=True)
    if floor:
        return [max(rate * (1.0 + drift * k + e), 0.0) * (pop + toward_other * gap) / 10_000
                for rate, k, e, pop, gap in rows]
    return [rate * (1.0 + drift * k + e) * (pop + toward_other * gap) / 10_000
            for rate, k, e, pop, gap in rows]


def children(frame: Frame, non_uasc: Sequence[float], uasc_level: float | None = None,
             entries: float | None = None) -> tuple[list[float], list[float]]:
    """(looked-after children, children kept out of care) each year.

    UASC move from the setting to ``uasc_level`` over the ramp years (the band's draw; none is
    the setting throughout). A programme never keeps out of care more children than there are
    outside the UASC: asylum-seeking children come into care whatever a programme does."""
    move = 0.0 if uasc_level is None else uasc_level - frame.uasc
    uasc = [frame.uasc + move * r for r in frame.uasc_ramp]
    kept_a_year = frame.entries if entries is None else entries
    if not kept_a_year:
        return [n + u for n, u in zip(non_uasc, uasc, strict=True)], [0.0] * len(uasc)
    kept = [min(kept_a_year * y, n) for y, n in zip(frame.care_years, non_uasc, strict=True)]
    return [n - k + u for n, k, u in zip(non_uasc, kept, uasc, strict=True)], kept


def total_costs(frame: Frame, lac: Sequence[float]) -> list[float]:
    """Placement and non-placement costs of the children in care each year."""
    return [c * k + h for c, k, h in zip(lac, frame.cost_per_child, frame.held_other,
                                         strict=True)]


def other_savings(frame: Frame, totals: Sequence[float],
                  incidents: float | None = None) -> list[float]:
    """Savings to social care from incidents of domestic violence averted, each year.

    They are netted against the cost of care, so they are capped at it: a programme cannot save
    more than the spending it offsets, and the net cost is never negative."""
    averted = frame.incidents if incidents is None else incidents
    if not averted:
        return [0.0] * len(totals)
    return [min(averted * s, t) for s, t in zip(frame.saving_per_incident, totals, strict=True)]


def net_costs(frame: Frame, totals: Sequence[float], savings: Sequence[float]) -> list[float]:
    """Cost of care less other savings, plus programme costs: never below the programme costs
    (when the savings are capped at the cost of care, t - s is exactly 0)."""
    return [(t - s) + p for t, p, s in zip(totals, frame.programme_cost, savings, strict=True)]
