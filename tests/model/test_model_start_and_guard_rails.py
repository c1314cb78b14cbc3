"""Starting from a later count, and the guard rails that keep results possible (plain asserts,
so these also run inside Pyodide)."""

import json
import math

from model import api
from model.forecast import run
from model.parameters import defaults, presets, registry
from model.validation import validate_settings

LATER = {"start_from": "observed", "observed_year": "2022", "observed_lac": "285"}


def test_a_forecast_can_start_from_the_july_2022_count():
    r = api.compute({"scenario": "population-growth-only", "overrides": LATER})
    assert r["errors"] == []
    rows = {int(row["year"]): row for row in r["rows"]}
    assert math.isclose(rows[2022]["lac"], 285)
    assert rows[2017]["lac"] == run("population-growth-only", defaults())[0]["lac"]
    # from the count, the rate is held (this scenario's path) and children grow with the SHMA
    rate = rows[2022]["non_uasc_rate"]
    assert math.isclose(rate, (285 - 38) / rows[2022]["child_population"] * 10_000)
    assert all(math.isclose(rows[y]["non_uasc_rate"], rate) for y in range(2022, 2038))
    # between the two known positions, the rate moves in a straight line
    step = (rate - 66) / 5
    assert all(math.isclose(rows[2017 + i]["non_uasc_rate"], 66 + step * i) for i in range(6))
    assert r["start"] == {**r["start"], "year": 2022, "observed": True, "month": "August"}
    assert r["change_table"]["start_year"] == 2022 and r["change_table"]["published"] is None
    assert r["published"]["cost_of_doing_nothing"] is None
    assert rows[2022]["change_vs_base_year"] == 0


def test_each_rate_path_continues_from_the_later_count():
    for path, check in (("rising-trend", lambda a, b: b > a), ("to-target", lambda a, b: b < a)):
        r = api.compute({"scenario": "rising-lac", "overrides": {**LATER, "rate_path": path,
                                                                 "target_rate": "40"}})
        rates = [row["non_uasc_rate"] for row in r["rows"]]
        assert check(rates[5], rates[10]), path
    target = api.compute({"scenario": "falling-lac", "overrides": {**LATER, "target_rate": "40",
                                                                   "years_to_target": "4"}})
    assert math.isclose(target["rows"][9]["non_uasc_rate"], 40)  # 2022 + 4 years
    assert not math.isclose(target["rows"][8]["non_uasc_rate"], 40)


def test_a_later_count_that_does_not_fit_is_refused_with_a_reason():
    checked = validate_settings({**LATER, "observed_year": "2031", "end_year": "2030"},
                                "baseline-ons")
    assert [r.message for r in checked.refusals] == [
        "observed_year must be before the last year of the forecast, 2030 (got 2031)"]
    assert checked.values["observed_year"] == 2022  # the default, which fits
    checked = validate_settings({**LATER, "observed_lac": "20"}, "baseline-ons")
    assert [r.message for r in checked.refusals] == [
        "observed_lac must be at least the number of UASC, 38, who are counted in it (got 20)"]
    # the report's own start reads neither, so neither is checked
    assert validate_settings({"observed_lac": "20"}, "baseline-ons").refusals == []


def test_prevention_never_removes_asylum_seeking_children():
    values = dict(defaults(), edge_of_care_families=1355, edge_of_care_success_rate=100,
                  years_of_care_avoided=18)
    for pid in presets():
        rows = run(pid, values)
        for row in rows:
            assert row["lac"] >= row["uasc"] - 1e-9, (pid, row["year"])
            non_uasc = row["non_uasc_rate"] * row["child_population"] / 10_000
            assert row["lac_prevented"] <= non_uasc + 1e-9
    r = api.compute({"scenario": "rising-lac", "overrides": {
        "edge_of_care_families": "1355", "edge_of_care_success_rate": "100"}})
    [rail] = r["guard_rails"]
    assert rail["id"] == "prevention-capped" and rail["years"][0] == 2018
    assert "asylum-seeking" in rail["message"]


def test_other_savings_never_exceed_the_cost_they_offset():
    most = {name: registry()[name].max for name in (
        "dv_victim_places", "dv_victim_incidents_per_place", "dv_perpetrator_places",
        "dv_perpetrator_incidents_per_place", "dv_social_care_cost_per_incident")}
    r = api.compute({"scenario": "falling-lac", "overrides": most})
    for row in r["rows"]:
        assert row["other_savings"] <= row["total_cost"] + 1e-6
        assert row["net_cost"] >= row["programme_cost"] - 1e-6 >= -1e-6
    assert [g["id"] for g in r["guard_rails"]] == ["other-savings-capped"]
    json.dumps(r, allow_nan=False)
