"""The forecast follows the report's method (Appendix 1) year by year."""

import math
from itertools import pairwise

from model import rates
from model.forecast import ROW_FIELDS, change_after, run
from model.parameters import PRESET_IDS, defaults, do_nothing, report_scale

REQUIRED = ("year", "child_population", "non_uasc_rate", "lac", "weeks_of_care",
            "placement_cost", "non_placement_cost", "total_cost", "change_vs_base_year")


def test_rows_have_the_cli_fields_for_every_year():
    for pid in PRESET_IDS:
        rows = run(pid, defaults())
        assert [r["year"] for r in rows] == list(range(2017, 2038))
        for row in rows:
            assert tuple(row) == ROW_FIELDS
            for name in REQUIRED:
                assert name in row


def test_base_year_is_shared_and_matches_table10():
    bases = [run(pid, defaults())[0] for pid in PRESET_IDS]
    for row in bases:
        assert row == bases[0]
    base = bases[0]
    assert round(base["lac"], 2) == 316.78
    assert round(base["weeks_of_care"]) == round(base["lac"] * 35)
    assert round(base["non_placement_cost"] / 1e6, 2) == 10.54  # '£10.54M'
    assert math.isclose(base["non_placement_cost"] / base["total_cost"], 0.47)
    assert base["change_vs_base_year"] == 0


def test_looked_after_children_formula():
    row = run("population-growth-only", defaults())[10]
    expected = 66 * row["child_population"] / 10_000 + 38
    assert math.isclose(row["lac"], expected)
    assert math.isclose(row["weeks_of_care"], expected * 35)
    assert math.isclose(row["placement_cost"], expected * 35 * 1072)
    assert math.isclose(row["total_cost"], expected * 35 * 1072 / 0.53)


def test_falling_holds_non_placement_costs_and_reaches_56_after_five_years():
    rows = run("falling-lac", defaults())
    assert all(r["non_placement_cost"] == rows[0]["non_placement_cost"] for r in rows)
    assert [round(r["non_uasc_rate"], 6) for r in rows[:6]] == [66, 64, 62, 60, 58, 56]
    assert all(r["non_uasc_rate"] == 56 for r in rows[5:])


def test_rising_moves_in_straight_lines_between_five_yearly_trend_points():
    rows = run("rising-lac", defaults())
    assert rows[0]["non_uasc_rate"] == 66
    assert math.isclose(rows[5]["non_uasc_rate"], rates.trend_value(2022))
    assert math.isclose(rows[10]["non_uasc_rate"], rates.trend_value(2027))
    assert math.isclose(rows[3]["non_uasc_rate"], 66 + 0.6 * (rows[5]["non_uasc_rate"] - 66))
    increments = [b["non_uasc_rate"] - a["non_uasc_rate"] for a, b in pairwise(rows)]
    assert all(i > 0 for i in increments)


def test_trend_is_a_least_squares_fit_to_the_reconstructed_rates():
    a, b = rates.trend()
    hist = rates.historical_rates()
    residuals = [r - (a + b * math.log(y - 2010)) for y, r in hist.items()]
    assert abs(math.fsum(residuals)) < 1e-9
    assert abs(math.fsum(e * math.log(y - 2010) for e, y in zip(residuals, hist, strict=True))) < 1e-9
    assert 6 < b < 7 and 54 < a < 56


def test_change_after_and_end_year():
    values = dict(defaults(), end_year=2027)
    rows = run("rising-lac", values)
    assert len(rows) == 11
    assert change_after(rows, 10) == rows[10]["total_cost"] - rows[0]["total_cost"]
    assert change_after(rows, 11) is None


def test_inflation_scales_every_cost():
    flat = run("rising-lac", defaults())
    inflated = run("rising-lac", dict(defaults(), cost_inflation=2))
    for a, b in zip(flat, inflated, strict=True):
        factor = 1.02 ** (a["year"] - 2017)
        assert math.isclose(b["total_cost"], a["total_cost"] * factor)
        assert b["lac"] == a["lac"]


def test_programmes_flow_into_the_forecast_from_the_start_year():
    values = dict(defaults(), edge_of_care_families=135.5, programme_start_year=2019)
    rows = run("population-growth-only", values)
    base = run("population-growth-only", do_nothing(values))
    assert rows[1]["lac"] == base[1]["lac"] and rows[1]["programme_cost"] == 0
    assert math.isclose(base[2]["lac"] - rows[2]["lac"], 21.68)
    assert math.isclose(rows[2]["programme_cost"], 309_617.5)
    saved = base[2]["total_cost"] - rows[2]["total_cost"]
    assert math.isclose(saved, 21.68 * 35 * 1072 / 0.53)


def test_reunification_and_cheaper_placements():
    values = dict(defaults(), reunification_weeks_reduction=1, placement_cost_reduction=5)
    row = run("population-growth-only", values)[1]
    base = run("population-growth-only", defaults())[1]
    assert math.isclose(row["weeks_of_care"], base["lac"] * 34)
    assert math.isclose(row["placement_cost"], base["lac"] * 34 * 1072 * 0.95)
    assert math.isclose(row["non_placement_cost"], base["lac"] * 34 * 1072 * 47 / 53)


def test_do_nothing_with_programmes_at_report_scale():
    everything = report_scale()
    assert run("rising-lac", do_nothing(everything)) == run("rising-lac", defaults())
