"""The command line, called in-process (the subprocess tests are in test_model_cli_process.py)."""

import contextlib
import csv
import io
import json

from model.cli import main


def call(*argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_scenarios():
    code, out, _ = call("scenarios", "--json")
    assert code == 0
    assert [s["id"] for s in json.loads(out)] == [
        "baseline-ons", "population-growth-only", "rising-lac", "falling-lac"]


def test_run_json_and_csv():
    code, out, _ = call("run", "--scenario", "rising-lac", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert rows[10]["year"] == 2027
    code, out, _ = call("run", "--scenario", "falling-lac", "--csv", "--set", "uasc=28")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 21 and float(table[0]["uasc"]) == 28
    for name in ("year", "child_population", "non_uasc_rate", "lac", "weeks_of_care",
                 "placement_cost", "non_placement_cost", "total_cost", "change_vs_base_year"):
        assert name in table[0]


def test_run_text_and_uncertainty():
    code, out, _ = call("run", "--scenario", "baseline-ons", "--uncertainty", "--samples", "50",
                        "--json")
    assert code == 0
    row = json.loads(out)["rows"][10]
    assert row["lac_low"] <= row["lac"] <= row["lac_high"]
    code, out, _ = call("run", "--scenario", "baseline-ons")
    assert code == 0 and "2037" in out


def test_set_accepts_several_values():
    code, out, _ = call("run", "--scenario", "rising-lac", "--json",
                        "--set", "non_uasc_rate=70", "weeks_in_care=34", "--set", "uasc=30")
    params = json.loads(out)["parameters"]
    assert code == 0
    assert (params["non_uasc_rate"], params["weeks_in_care"], params["uasc"]) == (70, 34, 30)


def test_bad_input_exits_2_with_one_clear_line():
    cases = {
        ("run", "--scenario", "rising-lac", "--set", "cost_per_week=abc"):
            "error: cost_per_week must be a number between 500 and 5,000 (got 'abc')\n",
        ("run", "--scenario", "rising-lac", "--set", "uasc=nan"):
            "error: uasc must be a number between 0 and 200 (got 'nan')\n",
        ("run", "--scenario", "rising-lac", "--set", "uasc=999"):
            "error: uasc must be a number between 0 and 200 (got '999')\n",
        ("run", "--scenario", "rising-lac", "--set", "nosuch=1"):
            "error: nosuch is not a model parameter\n",
        ("run", "--scenario", "rising-lac", "--set", "uasc"):
            "error: --set needs NAME=VALUE (got 'uasc')\n",
        ("run", "--scenario", "nope"):
            "error: --scenario must be one of baseline-ons, population-growth-only, "
            "rising-lac, falling-lac (got 'nope')\n",
    }
    for argv, message in cases.items():
        code, out, err = call(*argv)
        assert code == 2, argv
        assert err == message, (argv, err)
        assert out == ""


def test_programme_json():
    code, out, _ = call("programme", "edge-of-care", "--json")
    assert code == 0
    r = json.loads(out)
    assert r["capacity"] == 135.5 and round(r["first_year"]["net_savings"]) == 1_225_163
    assert r["payback"] == 2018 and r["scenario"] == "baseline-ons"
    for pid in ("pause", "parenting", "dv-victims", "dv-perpetrators"):
        code, out, _ = call("programme", pid, "--json")
        assert code == 0
        r = json.loads(out)
        for key in ("capacity", "cost", "children_prevented", "cash", "real", "payback", "npv"):
            assert key in r
    code, _, err = call("programme", "edge-of-care", "--set", "edge_of_care_success_rate=101")
    assert code == 2 and "between 0 and 100" in err
    code, _, err = call("programme", "magic")
    assert code == 2 and err.startswith("error: programme must be one of")


def test_a_programme_that_never_pays_back_says_so():
    code, out, _ = call("programme", "pause", "--json")
    r = json.loads(out)
    assert code == 0 and r["payback"] is None
    assert all(v < 0 for v in r["cash"]["net_savings"])
    code, out, _ = call("programme", "pause")
    assert code == 0 and "payback year: never, within the forecast" in out


def test_programme_savings_follow_the_scenario():
    """In the Falling scenario non-placement costs are held, so a child kept out of care saves
    only the placement (£1.20M a year for 200 families, not the fixed £2.27M)."""
    code, out, _ = call("programme", "edge-of-care", "--scenario", "falling-lac", "--json",
                        "--set", "edge_of_care_families=200")
    r = json.loads(out)
    assert code == 0 and round(r["first_year"]["gross_savings"] / 1e6, 2) == 1.20
    code, out, _ = call("programme", "edge-of-care", "--scenario", "rising-lac", "--json",
                        "--set", "edge_of_care_families=200")
    assert round(json.loads(out)["first_year"]["gross_savings"] / 1e6, 2) == 2.27


def test_samples_and_seed_without_the_band_are_refused():
    for extra in (("--samples", "50"), ("--seed", "3"), ("--samples", "50", "--seed", "3")):
        code, out, err = call("run", "--scenario", "rising-lac", *extra)
        assert code == 2 and out == ""
        assert "the uncertainty band: add --uncertainty" in err
    code, out, _ = call("run", "--scenario", "rising-lac", "--uncertainty", "--samples", "50",
                        "--seed", "3", "--csv")
    assert code == 0
    header = out.splitlines()[0].split(",")
    assert header[-4:] == ["lac_low", "lac_high", "total_cost_low", "total_cost_high"]


def test_reproduce_and_backtest():
    code, out, _ = call("reproduce", "--json")
    assert code == 0 and json.loads(out)["summary"]["cells"] > 60
    code, out, _ = call("backtest")
    assert code == 0 and "2022-07: actual 285" in out
