"""The choices (population projection, rate path, non-placement costs) are settings like any other:
a preset is only their defaults. Plain asserts, so these also run inside Pyodide."""

import contextlib
import io
import json
import math

from model import api
from model.cli import main
from model.forecast import run
from model.parameters import (
    CHOICE_NAMES,
    PRESET_IDS,
    aliases,
    choices,
    defaults,
    presets,
    registry,
    settings_used,
)
from model.validation import check_choice, check_setting, validate_settings

RATE_PATH_MESSAGE = "rate_path must be one of constant, rising-trend, to-target (got 'x')"


def cli(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_each_choice_is_an_assumption_with_labels_defaults_and_a_source():
    assert tuple(choices()) == CHOICE_NAMES
    expected = {"population_projection": ("ons", "shma"),
                "rate_path": ("constant", "rising-trend", "to-target"),
                "non_placement_costs": ("share", "constant"),
                "start_from": ("report", "observed")}
    for name, choice in choices().items():
        assert choice.values == expected[name], name
        assert choice.label and choice.source and choice.group, name
        assert all(option.label for option in choice.options), name
        assert {pid for pid, _ in choice.default} == set(PRESET_IDS), name
    # no setting shares a name with another, or with an older name
    names = [*choices(), *registry(), *aliases()]
    assert len(names) == len(set(names))


def test_the_presets_are_the_reports_four_sets_of_choices():
    assert {pid: presets()[pid].choices() for pid in PRESET_IDS} == {
        "baseline-ons": {"population_projection": "ons", "rate_path": "constant",
                         "non_placement_costs": "share", "start_from": "report"},
        "population-growth-only": {"population_projection": "shma", "rate_path": "constant",
                                   "non_placement_costs": "share", "start_from": "report"},
        "rising-lac": {"population_projection": "shma", "rate_path": "rising-trend",
                       "non_placement_costs": "share", "start_from": "report"},
        "falling-lac": {"population_projection": "shma", "rate_path": "to-target",
                        "non_placement_costs": "constant", "start_from": "report"},
    }


def test_a_preset_equals_any_preset_given_its_choices():
    for pid in PRESET_IDS:
        own = api.compute({"scenario": pid})
        for other in PRESET_IDS:
            given = api.compute({"scenario": other, "overrides": presets()[pid].choices()})
            assert given["errors"] == []
            assert given["rows"] == own["rows"], (pid, other)
            assert given["baseline_rows"] == own["baseline_rows"], (pid, other)
            assert run(presets()[other].with_choices(presets()[pid].choices()),
                       defaults()) == run(pid, defaults())


def test_choices_round_trip_through_compute_and_the_command_line():
    for name, choice in choices().items():
        for value in choice.values:
            r = json.loads(json.dumps(api.compute({"scenario": "rising-lac",
                                                   "overrides": {name: value}})))
            assert r["errors"] == []
            assert r["parameters"][name] == value
            assert r["scenario"]["choices"][name] == value
            code, out, err = cli("run", "--scenario", "rising-lac", "--json", "--set",
                                 f"{name}={value}")
            assert code == 0, err
            data = json.loads(out)
            assert data["parameters"][name] == value
            assert data["rows"] == r["rows"]
    # spaces and capitals are forgiven, as a number's spaces are
    assert check_choice("population_projection", " ONS ") == ("ons", None)


def test_a_bad_choice_is_refused_with_one_clear_message():
    value, refusal = check_choice("rate_path", "x")
    assert value is None and refusal is not None
    assert refusal.message == RATE_PATH_MESSAGE
    for raw in ("", "rising", "<script>", None, 1, True, ["to-target"]):
        _, refusal = check_setting("rate_path", raw)
        assert refusal is not None and refusal.message.startswith(
            "rate_path must be one of constant, rising-trend, to-target (got "), raw
    _, refusal = check_choice("population_projection", "census")
    assert refusal is not None
    assert refusal.message == "population_projection must be one of ons, shma (got 'census')"


def test_compute_resets_a_bad_choice_to_the_presets_and_computes_the_rest():
    r = api.compute({"scenario": "falling-lac",
                     "overrides": {"rate_path": "x", "population_projection": "ons"}})
    assert r["errors"] == [{"parameter": "rate_path", "value": "x", "message": RATE_PATH_MESSAGE}]
    assert r["parameters"]["rate_path"] == "to-target"  # the preset's
    assert r["parameters"]["population_projection"] == "ons"  # the good one is kept
    assert r["rows"][5]["non_uasc_rate"] == 56


def test_the_command_line_refuses_a_bad_choice_with_exit_2():
    code, out, err = cli("run", "--scenario", "baseline-ons", "--set", "rate_path=x")
    assert (code, out, err) == (2, "", f"error: {RATE_PATH_MESSAGE}\n")


def test_switching_the_population_projection_changes_the_population_not_the_rate():
    ons = api.compute({"scenario": "baseline-ons"})["rows"]
    shma = api.compute({"scenario": "baseline-ons",
                        "overrides": {"population_projection": "shma"}})["rows"]
    assert ons[0] == shma[0]  # both projections start from the same 2017 population
    assert all(a["non_uasc_rate"] == b["non_uasc_rate"] for a, b in zip(ons, shma, strict=True))
    assert all(a["child_population"] < b["child_population"] for a, b in zip(ons[1:], shma[1:],
                                                                             strict=True))
    assert shma == api.compute({"scenario": "population-growth-only"})["rows"]


def test_a_to_target_path_reaches_the_target_in_the_years_given():
    for target, years in ((60, 4), (80, 7), (56, 1)):
        rows = api.compute({"scenario": "baseline-ons", "overrides": {
            "rate_path": "to-target", "target_rate": str(target),
            "years_to_target": str(years)}})["rows"]
        rates = [row["non_uasc_rate"] for row in rows]
        assert rates[0] == 66
        assert all(math.isclose(r, target) for r in rates[years:]), (target, years)
        assert all(not math.isclose(r, target) for r in rates[:years]), (target, years)
        for i in range(years + 1):  # a straight line
            assert math.isclose(rates[i], 66 + (target - 66) * i / years)


def test_the_target_is_read_only_when_the_rate_moves_to_a_target():
    base = api.compute({"scenario": "rising-lac"})["rows"]
    moved = api.compute({"scenario": "rising-lac", "overrides": {"target_rate": 30}})["rows"]
    assert moved == base
    held = api.compute({"scenario": "rising-lac",
                        "overrides": {"non_placement_costs": "constant"}})["rows"]
    assert all(r["non_placement_cost"] == held[0]["non_placement_cost"] for r in held)


def test_the_command_line_takes_a_target_path_in_any_scenario():
    code, out, err = cli("run", "--scenario", "population-growth-only", "--json",
                         "--set", "rate_path=to-target", "--set", "target_rate=60")
    assert code == 0, err
    data = json.loads(out)
    assert data["parameters"]["target_rate"] == 60 and data["parameters"]["rate_path"] == "to-target"
    assert [round(r["non_uasc_rate"], 6) for r in data["rows"][:7]] == [66, 64.8, 63.6, 62.4,
                                                                         61.2, 60, 60]
    code, out, _ = cli("run", "--scenario", "baseline-ons", "--set", "rate_path=to-target")
    assert code == 0 and "with rate_path to-target" in out.splitlines()[0]


def test_older_names_are_still_accepted():
    checked = validate_settings({"national_non_uasc_rate": "60", "falling_years": 3},
                                "falling-lac")
    assert checked.refusals == []
    assert checked.values["target_rate"] == 60 and checked.values["years_to_target"] == 3
    assert "national_non_uasc_rate" not in checked.values
    both = validate_settings({"national_non_uasc_rate": "60", "target_rate": "50"},
                             "falling-lac")
    assert both.values["target_rate"] == 50
    assert [r.message for r in both.refusals] == [
        "national_non_uasc_rate is the old name of target_rate, which is also given: "
        "target_rate was used"]
    bad = validate_settings({"falling_years": "0"}, "falling-lac")
    assert [r.message for r in bad.refusals] == [
        "falling_years (now called years_to_target) must be a number between 1 and 20 (got '0')"]
    code, out, _ = cli("run", "--scenario", "falling-lac", "--json",
                       "--set", "national_non_uasc_rate=60")
    assert code == 0 and json.loads(out)["parameters"]["target_rate"] == 60


def test_describe_lists_the_choices_and_what_each_preset_uses():
    d = json.loads(json.dumps(api.describe(), allow_nan=False))
    assert [c["name"] for c in d["choices"]] == list(CHOICE_NAMES)
    rate_path = d["choices"][1]
    assert [o["value"] for o in rate_path["options"]] == ["constant", "rising-trend", "to-target"]
    assert all(o["label"] for o in rate_path["options"])
    assert rate_path["default"] == {"baseline-ons": "constant", "population-growth-only":
                                    "constant", "rising-lac": "rising-trend",
                                    "falling-lac": "to-target"}
    by_name = {p["name"]: p for p in d["parameters"]}
    assert by_name["target_rate"]["applies_when"] == {"rate_path": ["to-target"]}
    assert by_name["target_rate"]["aliases"] == ["national_non_uasc_rate"]
    assert by_name["uasc"]["applies_when"] is None
    uses = {s["id"]: s["uses"] for s in d["scenarios"]}
    for pid in PRESET_IDS:
        assert set(CHOICE_NAMES) <= set(uses[pid])
        assert ("target_rate" in uses[pid]) == (pid == "falling-lac")
        assert ("years_to_target" in uses[pid]) == (pid == "falling-lac")


def test_a_setting_a_preset_does_not_use_never_changes_its_forecast():
    for pid in PRESET_IDS:
        used = set(settings_used(presets()[pid]))
        base = run(pid, defaults())
        for name, p in registry().items():
            moved = dict(defaults())
            moved[name] = p.max if p.value != p.max else p.min
            if name not in used:
                assert run(pid, moved) == base, (pid, name)
            elif name in ("target_rate", "years_to_target", "non_uasc_rate", "uasc"):
                assert run(pid, moved) != base, (pid, name)
