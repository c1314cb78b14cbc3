"""Programme economics: savings are the scenario's forecast without a programme less with it
(plain asserts, so these also run inside Pyodide)."""

import math

from model import api, economics
from model.forecast import run
from model.parameters import LEVERS, PRESET_IDS, defaults, do_nothing, only, presets, report_scale


def test_savings_are_the_forecast_difference_in_every_scenario():
    scale = report_scale()
    for pid in PRESET_IDS:
        without = run(pid, do_nothing(scale))
        for programme in LEVERS:
            result = economics.evaluate(pid, scale, programme)
            with_ = run(pid, only(scale, programme))
            first = with_.index(next(r for r in with_ if r["year"] == result["start_year"]))
            expected = [a["net_cost"] - b["net_cost"] for a, b in zip(without[first:],
                                                                      with_[first:], strict=True)]
            assert result["cash"]["net_savings"] == expected, (pid, programme)
            for g, c, n in zip(result["cash"]["gross_savings"], result["cash"]["cost"],
                               result["cash"]["net_savings"], strict=True):
                assert math.isclose(g - c, n, rel_tol=1e-9, abs_tol=1e-6), (pid, programme)


def test_savings_follow_the_scenarios_choices():
    """With non-placement costs held (Falling), a child kept out of care saves the placement
    only: 200 families x 16% x 35 weeks x £1,072 = £1,200,640, not 32 x £70,792."""
    values = dict(defaults(), edge_of_care_families=200)
    falling = economics.evaluate("falling-lac", values, "edge-of-care")
    assert math.isclose(falling["first_year"]["gross_savings"], 32 * 35 * 1072)
    rising = economics.evaluate("rising-lac", values, "edge-of-care")
    assert math.isclose(rising["first_year"]["gross_savings"], 32 * 35 * 1072 / 0.53)


def test_a_programme_that_never_pays_back_has_no_payback_year():
    scale = report_scale()
    for programme in ("pause", "dv-perpetrators"):
        result = economics.evaluate("baseline-ons", scale, programme)
        assert result["payback"] is None
        assert all(v < 0 for v in result["cash"]["cumulative_net_savings"])
    assert economics.evaluate("baseline-ons", scale, "edge-of-care")["payback"] == 2018
    assert economics.evaluate("baseline-ons", defaults(), "edge-of-care")["payback"] is None


def test_years_of_care_avoided_build_the_savings_up():
    """Pause loses money at one year of care per baby kept out of care (the report's method);
    if each such baby would have stayed in care three years, it pays back in its second year."""
    one = economics.evaluate("baseline-ons", report_scale(), "pause")
    three = economics.evaluate("baseline-ons", dict(report_scale(), years_of_care_avoided=3),
                               "pause")
    gross = three["cash"]["gross_savings"]
    assert math.isclose(gross[0], one["cash"]["gross_savings"][0])
    assert math.isclose(gross[1], 2 * gross[0]) and math.isclose(gross[2], 3 * gross[0])
    assert math.isclose(gross[5], 3 * gross[0])
    assert one["payback"] is None and three["payback"] == 2019


def test_payback_is_the_year_from_which_the_running_total_stays_above_zero():
    years = [2018, 2019, 2020, 2021]
    assert economics.payback_year(years, [-5, -1, 3, 9]) == 2020
    assert economics.payback_year(years, [4, -1, 3, 9]) == 2020  # it dipped below zero again
    assert economics.payback_year(years, [-5, -4, -3, -2]) is None
    assert economics.payback_year(years, [0.0, 1, 2, 3]) == 2018


def test_cash_real_and_net_present_value():
    values = dict(report_scale(), cost_inflation=2, discount_rate=3.5)
    result = economics.evaluate("population-growth-only", values, "edge-of-care")
    for i, year in enumerate(result["years"]):
        factor = 1.02 ** (year - 2017)
        assert math.isclose(result["real"]["net_savings"][i] * factor,
                            result["cash"]["net_savings"][i])
    expected = math.fsum(v / 1.035 ** (year - 2017) for year, v in
                         zip(result["years"], result["real"]["net_savings"], strict=True))
    assert math.isclose(result["npv"], expected) and result["npv_year"] == 2017
    undiscounted = economics.evaluate("population-growth-only", dict(values, discount_rate=0),
                                      "edge-of-care")
    assert math.isclose(undiscounted["npv"], undiscounted["totals"]["real"]["net_savings"])


def test_together_is_the_forecast_with_every_lever_as_set():
    r = api.compute({"scenario": "rising-lac", "overrides": {
        "edge_of_care_families": "135.5", "pause_women": "15", "dv_victim_places": "60"}})
    together = r["programmes_together"]
    net = [b["net_cost"] - a["net_cost"] for a, b in zip(r["rows"][1:], r["baseline_rows"][1:],
                                                          strict=True)]
    assert together["cash"]["net_savings"] == net
    parts = math.fsum(p["first_year"]["net_savings"] for p in r["programmes"].values())
    assert math.isclose(together["first_year"]["net_savings"], parts)  # nothing caps them here
    assert [p["id"] for p in r["programmes"].values() if p["in_place"]] == [
        "edge-of-care", "pause", "dv-victims"]


def test_a_programme_not_in_place_costs_and_saves_nothing():
    for programme, result in economics.evaluate_all("falling-lac", defaults()).items():
        assert not result["in_place"], programme
        assert result["payback"] is None and result["npv"] == 0
        assert set(result["cash"]["net_savings"]) <= {0.0}


def test_programmes_start_after_a_later_count():
    values = dict(report_scale(), observed_year=2022, observed_lac=285)
    scenario = presets()["rising-lac"].with_choices({"start_from": "observed"})
    result = economics.evaluate(scenario, values, "edge-of-care")
    assert result["start_year"] == 2023 and result["years"][0] == 2023
    assert result["npv_year"] == 2022


def test_the_remembered_proposals_are_the_ones_computed_afresh():
    for overrides in ({"edge_of_care_families": "200"}, {"edge_of_care_families": "300"},
                      {"cost_per_week": "1100", "reunification_cost": "50000"}):
        r = api.compute({"scenario": "falling-lac", "overrides": overrides})
        values = {k: v for k, v in r["parameters"].items() if not isinstance(v, str)}
        scenario = presets()["falling-lac"].with_choices(r["scenario"]["choices"])
        fresh = economics.evaluate_all(scenario, values, api.at_report_scale(values))
        assert r["programmes_at_report_scale"] == fresh, overrides
