"""model.api.compute: JSON in, JSON out, never raising for bad input."""

import json
import math

from model import api
from model.forecast import ROW_FIELDS
from model.parameters import PRESET_IDS, defaults


def roundtrip(request):
    return json.loads(json.dumps(api.compute(request), allow_nan=False))


def test_response_shape():
    r = roundtrip({"scenario": "rising-lac"})
    for key in ("scenario", "parameters", "errors", "rows", "baseline_rows", "change_table",
                "programmes", "programmes_at_report_scale", "uncertainty", "published"):
        assert key in r, key
    assert r["errors"] == []
    assert r["scenario"]["id"] == "rising-lac"
    assert list(r["rows"][0]) == list(ROW_FIELDS)
    assert r["uncertainty"] is None
    assert r["change_table"]["published"] == [2.08, 4.01, 5.98]
    assert r["published"]["cost_of_doing_nothing"] == [2.08, 4.01, 5.98]
    values = r["change_table"]["rows"][0]["values"]
    assert [round(v, 2) for v in values] == [2.08, 3.99, 5.98]


def test_baseline_ons_has_no_published_changes():
    r = roundtrip({})
    assert r["scenario"]["id"] == "baseline-ons"
    assert r["change_table"]["published"] is None


def test_bad_overrides_are_reset_and_reported_and_the_rest_computed():
    r = roundtrip({"scenario": "population-growth-only",
                   "overrides": {"non_uasc_rate": "75", "cost_per_week": "abc", "x": 1}})
    assert r["parameters"]["non_uasc_rate"] == 75
    assert r["parameters"]["cost_per_week"] == 1072
    assert [e["parameter"] for e in r["errors"]] == ["cost_per_week", "x"]
    assert r["errors"][0] == {
        "parameter": "cost_per_week",
        "value": "abc",
        "message": "cost_per_week must be a number between 500 and 5,000 (got 'abc')",
    }
    assert math.isclose(r["rows"][0]["non_uasc_rate"], 75)


def test_nonsense_requests_never_raise():
    for request in (None, [], {"scenario": ["x"]}, {"scenario": "nope"},
                    {"overrides": "x"}, {"overrides": {"uasc": float("nan")}},
                    {"uncertainty": "maybe"}, {"uncertainty": True, "samples": "many"},
                    {"uncertainty": True, "samples": 1e9}, {"seed": -1}):
        r = roundtrip(request)
        assert r["errors"], request
        assert len(r["rows"]) == 21


def test_baseline_rows_switch_off_every_programme():
    r = roundtrip({"scenario": "rising-lac",
                   "overrides": {"edge_of_care_families": "135.5", "pause_women": "15"}})
    assert r["baseline_rows"] == roundtrip({"scenario": "rising-lac"})["rows"]
    assert r["rows"][5]["lac"] < r["baseline_rows"][5]["lac"]
    assert r["programmes"]["edge-of-care"]["capacity"] == 135.5
    assert r["programmes_at_report_scale"]["parenting"]["capacity"] == 135


def test_uncertainty_band_is_reproducible_and_brackets_the_forecast():
    request = {"scenario": "rising-lac", "uncertainty": "true", "samples": "200", "seed": 7}
    a = roundtrip(request)
    b = roundtrip(request)
    assert a["uncertainty"] == b["uncertainty"]
    band = a["uncertainty"]
    assert band["samples"] == 200 and band["seed"] == 7
    assert len(band["lac_low"]) == len(a["rows"])
    for i in range(len(a["rows"])):
        assert band["lac_low"][i] <= band["lac_high"][i]
        assert band["total_cost_low"][i] <= band["total_cost_high"][i]
    assert band["lac_low"][10] < a["rows"][10]["lac"] < band["lac_high"][10]
    other = roundtrip(dict(request, seed=8))["uncertainty"]
    assert other["lac_low"] != band["lac_low"]


def test_every_preset_runs_with_every_parameter_at_its_limits():
    names = list(defaults())
    for pid in PRESET_IDS:
        for pick in ("min", "max"):
            from model.parameters import registry

            overrides = {n: getattr(registry()[n], pick) for n in names}
            r = roundtrip({"scenario": pid, "overrides": overrides})
            assert r["errors"] == []
            assert all(row["total_cost"] >= 0 for row in r["rows"])


def test_describe():
    d = api.describe()
    assert d["default_scenario"] == "baseline-ons"
    assert {p["id"] for p in d["programmes"]} >= {"edge-of-care", "pause", "parenting",
                                                  "dv-victims", "dv-perpetrators"}


def test_tiny_costs_give_no_infinite_ratios():
    tiny = {"pause_cost_per_woman": 2.225073858507e-311, "edge_of_care_cost_per_case": 5e-324,
            "parenting_cost_per_place": 1e-320}
    r = roundtrip({"overrides": tiny})
    assert r["errors"] == []
    pause = r["programmes_at_report_scale"]["pause"]
    assert pause["payback"] == 2018  # it costs (next to) nothing
    assert all(math.isfinite(v) for v in pause["cash"]["net_savings"])


def test_the_response_names_the_settings_that_differ_from_the_scenario():
    assert roundtrip({"scenario": "rising-lac"})["changed"] == []
    same = roundtrip({"scenario": "rising-lac", "overrides": {"population_projection": "shma",
                                                            "cost_per_week": "1072"}})
    assert same["changed"] == []
    changed = roundtrip({"scenario": "baseline-ons", "overrides": {"population_projection": "shma",
                                                                 "cost_per_week": "1100"}})
    assert changed["changed"] == ["cost_per_week", "population_projection"]
    refused = roundtrip({"scenario": "baseline-ons", "overrides": {"cost_per_week": "abc"}})
    assert refused["changed"] == []
