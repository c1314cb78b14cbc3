"""docs/model/method.md quotes the same numbers as assumptions.toml (CPython only: reads docs/)."""

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
