"""Child population (aged 0-17): the 2011-2017 history and the two projections to 2037.

The report shows these only as charts, so each series is rebuilt from the few numbers it states
(see ``[population.*]`` in assumptions.toml and docs/model/method.md for the reasoning).
"""

from __future__ import annotations

from functools import cache
from itertools import pairwise

from model.parameters import assumptions

BASE_YEAR = 2017
LAST_YEAR = 2037


def interpolate(points: dict[int, float], year: float) -> float:
    """Straight-line interpolation between known points (the points must cover ``year``)."""
    xs = sorted(points)
    if year <= xs[0]:
        return points[xs[0]]
    for left, right in pairwise(xs):
        if year <= right:
            share = (year - left) / (right - left)
            return points[left] + (points[right] - points[left]) * share
    return points[xs[-1]]


@cache
def history() -> dict[int, float]:
    """Population 2011-2017: stated 2011 and calibrated 2017 values, constant growth between."""
    data = assumptions()["population"]
    first = float(data["history_2011"]["value"])
    last = float(data["base_2017"]["value"])
    span = BASE_YEAR - 2011
    growth = (last / first) ** (1 / span)
    out = {2011 + i: first * growth**i for i in range(span)}
    out[BASE_YEAR] = last  # exact, not first * growth**span (which differs in the last digit)
    return out


def base_population() -> float:
    """The 2017 child population shared by every scenario."""
    return history()[BASE_YEAR]


@cache
def shma_points() -> dict[int, float]:
    """Known points of the SHMA projection as the report's model used it."""
    data = assumptions()["population"]["shma"]
    p2014 = history()[2014]
    points = {2014: p2014, BASE_YEAR: base_population()}
    for year, value in zip(data["calibrated_years"], data["calibrated_values"], strict=True):
        points[int(year)] = float(value)
    points[2024] = p2014 * (1 + float(data["growth_2014_2024"]) / 100)
    points[2037] = p2014 * (1 + float(data["growth_2014_2037"]) / 100)
    return points


@cache
def ons_index_points() -> dict[int, float]:
    """ONS 2014-based growth index (2014 = 1)."""
    data = assumptions()["population"]["ons"]
    return {
        2014: 1.0,
        2024: 1 + float(data["growth_2014_2024"]) / 100,
        2037: 1 + float(data["growth_2014_2037"]) / 100,
    }


@cache
def projection(source: str) -> tuple[float, ...]:
    """Population for each year 2017-2037 under ``source`` ("shma" or "ons")."""
    years = range(BASE_YEAR, LAST_YEAR + 1)
    if source == "shma":
        points = shma_points()
        return tuple(interpolate(points, y) for y in years)
    if source == "ons":
        index = ons_index_points()
        start = interpolate(index, BASE_YEAR)
        base = base_population()
        return tuple(base * (interpolate(index, y) / start) for y in years)
    raise ValueError(f"unknown population projection {source!r}")


def scaled(source: str, growth_scale_percent: float) -> tuple[float, ...]:
    """The projection with its growth after 2017 scaled (100% = as projected)."""
    series = projection(source)
    if growth_scale_percent == 100:
        return series
    base = series[0]
    factor = growth_scale_percent / 100
    return tuple(base + (p - base) * factor for p in series)
