"""``python -m model`` as a real process: exit status 2, one line, no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def python_m_model(*args):
    return subprocess.run([sys.executable, "-m", "model", *args], cwd=ROOT,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--scenario", "rising-lac", "--set", "cost_per_week=abc"],
         "error: cost_per_week must be a number between 500 and 5,000 (got 'abc')"),
        (["run", "--scenario", "rising-lac", "--set", "non_uasc_rate=NaN"],
         "error: non_uasc_rate must be a number between 20 and 150 (got 'NaN')"),
        (["run", "--scenario", "rising-lac", "--set", "weeks_in_care=53"],
         "error: weeks_in_care must be a number between 1 and 52 (got '53')"),
        (["run", "--scenario", "rising-lac", "--set", "colour=blue"],
         "error: colour is not a model parameter"),
        (["run", "--scenario", "sideways"],
         "error: --scenario must be one of baseline-ons, population-growth-only, rising-lac, "
         "falling-lac (got 'sideways')"),
        (["run"], "error: run needs --scenario (or --link with a shared link)"),
        (["run", "--scenario", "baseline-ons", "--set", "rate_path=x"],
         "error: rate_path must be one of constant, rising-trend, to-target (got 'x')"),
        (["run", "--scenario", "baseline-ons", "--set", "population_projection=census",
          "non_placement_costs=fixed"],
         "error: population_projection must be one of ons, shma (got 'census')\n"
         "error: non_placement_costs must be one of share, constant (got 'fixed')"),
    ],
)
def test_bad_input(args, message):
    result = python_m_model(*args)
    assert result.returncode == 2
    assert result.stderr == message + "\n"
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_run_and_programme():
    result = python_m_model("run", "--scenario", "population-growth-only", "--json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)["rows"]
    assert round((rows[10]["total_cost"] - rows[0]["total_cost"]) / 1e6, 2) == 3.32
    result = python_m_model("programme", "pause", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["capacity"] == 15
    result = python_m_model("scenarios")
    assert result.returncode == 0 and "falling-lac" in result.stdout
    result = python_m_model("run", "--scenario", "baseline-ons", "--json",
                            "--set", "rate_path=to-target", "--set", "target_rate=60")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert rows[5]["non_uasc_rate"] == 60 and rows[-1]["non_uasc_rate"] == 60
