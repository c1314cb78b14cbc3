"""The Monte Carlo band and the back-test."""

import math

from model import backtest, uncertainty
from model.parameters import defaults


def test_percentile():
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert uncertainty.percentile(values, 0) == 1
    assert uncertainty.percentile(values, 100) == 5
    assert uncertainty.percentile(values, 50) == 3
    assert math.isclose(uncertainty.percentile(values, 5), 1.2)


def test_ranges_follow_the_current_value():
    r = {name: (lo, c, hi) for name, lo, c, hi in uncertainty.ranges(defaults())}
    assert r["uasc"] == (28, 38, 50)
    moved = dict(defaults(), uasc=76)
    r2 = {name: (lo, c, hi) for name, lo, c, hi in uncertainty.ranges(moved)}
    assert math.isclose(r2["uasc"][0], 56) and r2["uasc"][1] == 76
    assert "edge_of_care_success_rate" in r
    # 2017 spending is known, so what a child in care costs is not in the band
    assert not {"cost_per_week", "weeks_in_care", "non_placement_share"} & set(r)


def test_band_is_deterministic_for_a_seed():
    a = uncertainty.band("falling-lac", defaults(), 100, 1)
    b = uncertainty.band("falling-lac", defaults(), 100, 1)
    assert a == b
    assert a["years"][0] == 2017 and len(a["lac_low"]) == 21
    assert a["total_cost_low"][20] < a["total_cost_high"][20]


def test_backtest_compares_actuals_with_each_scenario():
    items = backtest.compare()
    july_2022 = next(i for i in items if i["date"] == "2022-07")
    assert july_2022["lac"] == 285
    projected = {pid: p["lac"] for pid, p in july_2022["projections"].items()}
    assert set(projected) == {"baseline-ons", "population-growth-only", "rising-lac",
                              "falling-lac"}
    assert all(value > 285 for value in projected.values())  # every path overshot
    assert min(projected, key=projected.get) == "falling-lac"
    august_2017 = next(i for i in items if i["date"] == "2017-08")
    assert abs(august_2017["projections"]["rising-lac"]["lac_error"]) < 2
    last = items[-1]
    assert last["date"] == "2023-12" and "child_population" in last
    error = last["projections"]["population-growth-only"]["child_population_error"]
    assert error > 0  # the SHMA path ran ahead of the 2023 population
