"""The registry is complete, consistent and JSON-ready (plain asserts: also run in Pyodide)."""

import json
import math

from model.parameters import GROUPS, PRESET_IDS, assumptions, defaults, presets, registry
from model.validation import check_value

REQUIRED_NAMES = (
    "non_uasc_rate",
    "uasc",
    "weeks_in_care",
    "cost_per_week",
    "non_placement_share",
    "edge_of_care_families",
    "pause_women",
    "parenting_places",
)


def test_presets_are_the_four_report_scenarios():
    assert tuple(presets()) == PRESET_IDS
    assert PRESET_IDS == ("baseline-ons", "population-growth-only", "rising-lac", "falling-lac")
    assert presets()["baseline-ons"].population_projection == "ons"
    assert {presets()[p].population_projection for p in PRESET_IDS[1:]} == {"shma"}
    assert presets()["falling-lac"].non_placement_costs == "constant"


def test_issue_parameter_names_exist():
    for name in REQUIRED_NAMES:
        assert name in registry(), name


def test_every_parameter_is_complete_and_in_range():
    for name, p in registry().items():
        assert p.label and p.unit and p.source, name
        assert p.group in GROUPS, name
        assert p.kind in {"stated", "derived", "calibrated", "judgement"}, name
        assert p.min <= p.value <= p.max, name
        assert p.step > 0, name
        if p.low is not None or p.high is not None:
            assert p.low is not None and p.high is not None, name
            assert p.min <= p.low <= p.value <= p.high <= p.max, name
        if p.report_value is not None:
            assert p.min <= p.report_value <= p.max, name
        for value in (p.min, p.max, p.value):
            accepted, refusal = check_value(name, value)
            assert refusal is None and accepted == value, name


def test_table10_defaults():
    values = defaults()
    assert values["non_uasc_rate"] == 66
    assert values["uasc"] == 38
    assert values["weeks_in_care"] == 35
    assert values["cost_per_week"] == 1072
    assert values["non_placement_share"] == 47
    assert values["target_rate"] == 56  # formerly national_non_uasc_rate
    assert values["years_to_target"] == 5  # formerly falling_years


def test_programmes_are_off_in_every_preset():
    values = defaults()
    for name in ("edge_of_care_families", "pause_women", "parenting_places",
                 "dv_victim_places", "dv_perpetrator_places",
                 "reunification_weeks_reduction", "placement_cost_reduction"):
        assert values[name] == 0, name
        assert registry()[name].report_value, name


def test_describe_is_json_and_has_defaults_per_preset():
    from model.api import describe

    text = json.dumps(describe(), allow_nan=False)
    data = json.loads(text)
    names = [p["name"] for p in data["parameters"]]
    assert names == list(registry())
    for p in data["parameters"]:
        assert set(p["default"]) == set(PRESET_IDS)
        assert all(math.isfinite(v) for v in p["default"].values())
    assert [s["id"] for s in data["scenarios"]] == list(PRESET_IDS)


def test_backtest_sources_name_known_documents():
    documents = set(assumptions()["documents"])
    for item in assumptions()["backtest"]["actual"]:
        assert item["document"] in documents
        assert item["where"]
