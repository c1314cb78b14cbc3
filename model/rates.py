"""The non-UASC rate of children in care: its 2011-2017 history and each scenario's path.

The Rising scenario extends a logarithmic trend fitted to the 2011-2017 rates, which the report
shows only as a chart (Figure 25); the rates are rebuilt from stated counts in ``[history]``.
"""

from __future__ import annotations

import math
from functools import cache

from model.parameters import assumptions
from model.population import BASE_YEAR, LAST_YEAR, history, interpolate

TREND_ORIGIN = 2010  # x = year - 2010, so 2011 is point 1 as in a spreadsheet trendline
REPORT_BASE_RATE = 66.0  # the rate the Rising knots are measured from (Table 10)


@cache
def historical_rates() -> dict[int, float]:
    """Non-UASC children in care per 10,000 children, 31 March 2011-2017."""
    data = assumptions()["history"]
    population = history()
    out: dict[int, float] = {}
    for year, lac, uasc in zip(data["years"], data["lac"], data["uasc"], strict=True):
        out[int(year)] = (lac - uasc) / population[int(year)] * 10_000
    return out


@cache
def trend() -> tuple[float, float]:
    """Least-squares fit of rate = a + b ln(year - 2010) to the historical rates: (a, b)."""
    rates = historical_rates()
    xs = [math.log(year - TREND_ORIGIN) for year in rates]
    ys = list(rates.values())
    n = len(xs)
    mean_x = math.fsum(xs) / n
    mean_y = math.fsum(ys) / n
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    b = sxy / sxx
    return mean_y - b * mean_x, b


def trend_value(year: float) -> float:
    a, b = trend()
    return a + b * math.log(year - TREND_ORIGIN)


@cache
def rising_increments() -> tuple[float, ...]:
    """Rise above the 2017 rate for each year 2017-2037 in the Rising scenario.

    The rate is 66 in 2017 and the trend's value at each later knot year, in straight lines
    between, as a Vensim lookup table does; the increment is then added to the chosen base rate.
    """
    knots = [int(y) for y in assumptions()["rates"]["rising"]["knot_years"]]
    points = {year: trend_value(year) for year in knots if year != BASE_YEAR}
    points[BASE_YEAR] = REPORT_BASE_RATE
    return tuple(
        interpolate(points, year) - REPORT_BASE_RATE for year in range(BASE_YEAR, LAST_YEAR + 1)
    )


def path(kind: str, base_rate: float, target_rate: float, years_to_target: float) -> list[float]:
    """The non-UASC rate for each year 2017-2037 under a rate path (the ``rate_path`` choice).

    "constant": the 2017 rate throughout; "rising-trend": the 2017 rate plus the Rising
    scenario's rise on the trend; "to-target": a straight line from the 2017 rate to
    ``target_rate`` over ``years_to_target`` years, then flat (up or down).
    """
    return path_from(kind, 0, base_rate, target_rate, years_to_target)


def path_from(kind: str, start: int, start_rate: float, target_rate: float,
              years_to_target: float) -> list[float]:
    """The same paths from year index ``start`` (a later count), at ``start_rate`` then.

    Years before ``start`` are not part of the path (they are returned as the start rate). The
    rising trend adds only its rise after the start year; a target is reached
    ``years_to_target`` years after the start."""
    n = LAST_YEAR - BASE_YEAR + 1
    if kind == "constant":
        return [start_rate] * n
    if kind == "rising-trend":
        rise = rising_increments()
        return [start_rate + (rise[i] - rise[start]) if i >= start else start_rate
                for i in range(n)]
    if kind == "to-target":
        out = []
        for i in range(n):
            share = min(max(i - start, 0) / years_to_target, 1.0)
            out.append(start_rate + (target_rate - start_rate) * share)
        return out
    raise ValueError(f"unknown rate path {kind!r}")
