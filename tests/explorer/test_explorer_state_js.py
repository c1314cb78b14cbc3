"""The link parser (explorer/static/state.mjs), run under Node against the real registry."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from explorer.registry import page_registry

STATE = Path(__file__).resolve().parents[2] / "explorer" / "static" / "state.mjs"


@pytest.fixture(scope="module")
def registry() -> dict[str, Any]:
    return page_registry()


def run_js(registry: dict[str, Any], body: str) -> Any:
    """Evaluate ``body`` (which may use parseFragment etc. and `registry`) and return its JSON."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (README: Node.js 20+)")
    script = (f"import * as state from {json.dumps(STATE.as_uri())};\n"
              f"const registry = {json.dumps(registry)};\n"
              f"const result = (() => {{ {body} }})();\n"
              "console.log(JSON.stringify(result));")
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                          text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def parse(registry: dict[str, Any], fragment: str) -> dict[str, Any]:
    result: dict[str, Any] = run_js(
        registry, f"return state.parseFragment({json.dumps(fragment)}, registry);")
    return result


def test_a_good_link_is_read_exactly(registry: dict[str, Any]) -> None:
    got = parse(registry, "#scenario=rising-lac&edge_of_care_families=200&cost_per_week=1100.5")
    assert got == {"scenario": "rising-lac", "problems": [],
                   "overrides": {"edge_of_care_families": 200, "cost_per_week": 1100.5}}


@pytest.mark.parametrize(("value", "why"), [
    ("abc", "is not a number"),
    ("NaN", "is not a number"),
    ("Infinity", "is not a number"),
    ("0x10", "is not a number"),
    ("", "is not a number"),
    ("1e400", "is too large"),
    ("-5", "is outside the range"),
    ("99999999", "is outside the range"),
    ("<script>alert(1)</script>", "is not a number"),
    ("1;alert(1)", "is not a number"),
])
def test_a_bad_value_is_reset_and_the_good_ones_kept(registry: dict[str, Any], value: str,
                                                      why: str) -> None:
    from urllib.parse import quote

    got = parse(registry, f"#scenario=falling-lac&uasc={quote(value)}&pause_women=15")
    assert got["scenario"] == "falling-lac"
    assert got["overrides"] == {"pause_women": 15}
    [problem] = got["problems"]
    assert problem["name"] == "uasc" and problem["value"] == value
    assert why in problem["message"] and "reset to the preset value 38" in problem["message"]


def test_unknown_names_and_scenarios_are_reported_not_used(registry: dict[str, Any]) -> None:
    got = parse(registry, "#scenario=<b>x</b>&onload=alert(1)&uasc=40")
    assert got["scenario"] == registry["default_preset"]
    assert got["overrides"] == {"uasc": 40}
    assert [p["name"] for p in got["problems"]] == ["scenario", "onload"]
    assert "not a setting of the model" in got["problems"][1]["message"]


def test_a_later_bad_repeat_resets_an_earlier_good_value(registry: dict[str, Any]) -> None:
    got = parse(registry, "#uasc=40&uasc=oops")
    assert got["overrides"] == {}
    assert len(got["problems"]) == 1


def test_floods_are_cut_short(registry: dict[str, Any]) -> None:
    got = parse(registry, "#" + "&".join(f"junk{i}=1" for i in range(500)))
    assert len(got["problems"]) <= 14  # 12 listed, one "more were ignored", one "too long"
    assert any("more values that were ignored" in p["message"] for p in got["problems"])


def test_writing_then_reading_a_link_round_trips(registry: dict[str, Any]) -> None:
    got = run_js(registry, """
        const values = Object.fromEntries(registry.parameters.map(p => [p.name, p.defaults["rising-lac"]]));
        values.edge_of_care_families = 135.5; values.cost_inflation = -1.5;
        const fragment = state.fragmentFor("rising-lac", values, registry);
        return [fragment, state.parseFragment("#" + fragment, registry)];
    """)
    fragment, parsed = got
    assert fragment == "scenario=rising-lac&cost_inflation=-1.5&edge_of_care_families=135.5"
    assert parsed["overrides"] == {"cost_inflation": -1.5, "edge_of_care_families": 135.5}


def test_choices_are_read_from_a_link_and_written_back(registry: dict[str, Any]) -> None:
    got = parse(registry, "#scenario=baseline-ons&rate_path=to-target&target_rate=60"
                          "&population_projection=SHMA")
    assert got == {"scenario": "baseline-ons", "problems": [], "overrides": {
        "rate_path": "to-target", "target_rate": 60, "population_projection": "shma"}}
    # a choice equal to the preset's is not an override, as for numbers
    got = parse(registry, "#scenario=falling-lac&rate_path=to-target&non_placement_costs=share")
    assert got["overrides"] == {"non_placement_costs": "share"}
    fragment, parsed = run_js(registry, """
        const values = Object.fromEntries([...registry.choices, ...registry.parameters]
            .map(s => [s.name, s.defaults["rising-lac"]]));
        values.rate_path = "to-target"; values.target_rate = 60; values.uasc = 30;
        const fragment = state.fragmentFor("rising-lac", values, registry);
        return [fragment, state.parseFragment("#" + fragment, registry)];
    """)
    assert fragment == "scenario=rising-lac&rate_path=to-target&uasc=30&target_rate=60"
    assert parsed["overrides"] == {"rate_path": "to-target", "uasc": 30, "target_rate": 60}


@pytest.mark.parametrize("value", ["x", "", "rising", "<script>alert(1)</script>",
                                   "to-target<img src=x onerror=alert(1)>", "constant;1"])
def test_a_bad_choice_is_reset_with_its_allowed_values(registry: dict[str, Any],
                                                       value: str) -> None:
    from urllib.parse import quote

    got = parse(registry, f"#scenario=falling-lac&rate_path={quote(value)}&pause_women=15")
    assert got["overrides"] == {"pause_women": 15}
    [problem] = got["problems"]
    assert problem["name"] == "rate_path" and problem["value"] == value
    assert problem["message"] == ("must be one of constant, rising-trend, to-target, so it was "
                                  "reset to the preset's choice, “Moves to a target rate, then "
                                  "stays there”")


def test_older_names_are_read_as_their_new_ones(registry: dict[str, Any]) -> None:
    got = parse(registry, "#scenario=falling-lac&national_non_uasc_rate=60&falling_years=3")
    assert got == {"scenario": "falling-lac", "problems": [],
                   "overrides": {"target_rate": 60, "years_to_target": 3}}
    got = parse(registry, "#scenario=falling-lac&national_non_uasc_rate=60&target_rate=50")
    assert got["overrides"] == {"target_rate": 50}
    assert [p["name"] for p in got["problems"]] == ["national_non_uasc_rate"]
    assert "old name of target_rate" in got["problems"][0]["message"]
