"""docs/model/method.md quotes the same numbers as assumptions.toml (CPython only: reads docs/)."""

import json
from pathlib import Path

import pytest

from model.parameters import assumptions, registry

METHOD = Path(__file__).resolve().parents[2] / "docs" / "model" / "method.md"


@pytest.fixture(scope="module")
def text() -> str:
    return METHOD.read_text(encoding="utf-8")


def test_reconstructed_numbers_match_the_assumptions(text):
    population = assumptions()["population"]
    for value in population["shma"]["calibrated_values"]:
        assert f"{value:,}" in text
    assert f"{population['base_2017']['value']:,}" in text
    assert f"{population['history_2011']['value']:,}" in text
    assert f"{assumptions()['history']['uasc'][0]} a year" in text


def test_core_parameters_are_explained(text):
    for name in ("non_uasc_rate", "uasc", "weeks_in_care", "cost_per_week", "non_placement_share",
                 "target_rate", "years_to_target", "population_growth_scale",
                 "cost_inflation", "population_projection", "rate_path",
                 "non_placement_costs"):
        assert f"`{name}`" in text, name
    for name, p in registry().items():
        if p.low is not None and name.startswith(("uasc", "weeks", "cost_per_week")):
            assert f"{p.low:,.0f}" in text and f"{p.high:,.0f}" in text, name


def test_the_new_settings_are_explained(text):
    for name in ("start_from", "observed_year", "observed_lac", "years_of_care_avoided",
                 "discount_rate"):
        assert f"`{name}`" in text, name


def test_the_band_is_described_with_the_ranges_the_model_uses(text):
    unc = assumptions()["uncertainty"]
    rate = unc["rate"]
    assert f"{-rate['drift_low']:.2f}% of the rate a year down to {rate['drift_high']:.2f}% a " \
           "year up" in text
    assert f"standard deviation {rate['year_to_year_sd']:.2f}% of the rate" in text
    uasc = registry()["uasc"]
    assert (f"settling between {uasc.low:,.0f} and {uasc.high:,.0f} within "
            f"{unc['uasc']['ramp_years']} years") in text
    assert "does **not** vary what a week of care" in text


def test_the_back_test_figures_quoted_are_the_models(text):
    from model import backtest

    cover = backtest.coverage()
    july = next(c for c in cover["counts"] if c["date"] == "2022-07")
    names = {"falling-lac": "Falling", "baseline-ons": "Baseline (ONS)",
             "population-growth-only": "Population growth only", "rising-lac": "Rising"}
    for pid, name in names.items():
        p = july["by_preset"][pid]
        assert (f"- {name}: {p['central']:.0f} (band {p['low']:.0f} to {p['high']:.0f})"
                in text), pid
    held = cover["summary"]["falling-lac"]["covered"]
    assert f"the Falling scenario's band holds {held} and the others'" in text
    assert all(cover["summary"][pid]["covered"] == 0 for pid in names if pid != "falling-lac")
    assert len(cover["counts"]) == 5 and "Of the five later counts" in text


def test_the_reproduction_kinds_quoted_are_the_models(text):
    from model.reproduction import summary

    kinds = summary()["kinds"]
    for kind, label in (("calibrated", "**calibrated**"), ("arithmetic",
                        "**the report's own arithmetic**"), ("consistency", "**consistency**"),
                        ("method", "**method checks**"), ("forecast", "**forecast checks**")):
        assert f"{label} ({kinds[kind]})" in text, kind


def test_one_base_month_everywhere(text):
    """Model years are August positions; only the 2011-2017 history is as at 31 March."""
    for line in text.splitlines():
        if "31 March" in line:
            assert "2011" in line or "Table 3" in line, line
    assert "Every year means August" in text
    from explorer.py.explorer_presenter import view
    from model import api

    shown = json.dumps(view(api.compute({"scenario": "rising-lac"})))
    assert "31 March" not in shown and "August of each year" in shown
