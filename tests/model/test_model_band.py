"""The uncertainty band (v2): what it varies, from where, and how wide (plain asserts, so these
also run inside Pyodide)."""

import math

from model import api, rates, uncertainty
from model.forecast import run
from model.parameters import PRESET_IDS, assumptions, defaults, presets


def band_of(preset, values=None, samples=200, seed=1):
    return uncertainty.band(preset, defaults() if values is None else values, samples, seed)


def test_the_known_start_has_no_width_and_the_band_holds_the_line():
    for pid in PRESET_IDS:
        band = band_of(pid)
        rows = run(pid, defaults())
        for field in ("lac", "total_cost", "net_cost"):
            low, high = band[f"{field}_low"], band[f"{field}_high"]
            assert low[0] == high[0] == rows[0][field], (pid, field)
            for i, row in enumerate(rows):
                assert low[i] <= row[field] <= high[i], (pid, field, i)


def test_the_band_widens_from_the_start():
    band = band_of("population-growth-only")
    width = [hi - lo for lo, hi in zip(band["lac_low"], band["lac_high"], strict=True)]
    assert width[0] == 0 < width[1] < width[5] < width[10] < width[20]


def test_at_2027_the_band_is_at_least_as_wide_as_the_reports_own_scenarios_spread():
    """The report's scenarios span Falling to Rising; the band on one scenario is not narrower
    (the old band spanned about 7% of the central figure, the scenarios 24%)."""
    spread = run("rising-lac", defaults())[10]["lac"] - run("falling-lac", defaults())[10]["lac"]
    band = band_of("population-growth-only", samples=1000, seed=2017)
    assert band["lac_high"][10] - band["lac_low"][10] > spread


def test_the_stored_ranges_are_derived_from_the_evidence_they_cite():
    """[uncertainty.rate] keeps the numbers (two decimals) a reader can check; here they are
    derived again from the report's Falling scenario and Thurrock's 2011-2017 rates."""
    stored = assumptions()["uncertainty"]["rate"]
    falling = presets()["falling-lac"]
    assert falling.rate_path == "to-target"
    d = defaults()
    falling_pace = (d["target_rate"] - d["non_uasc_rate"]) / d["years_to_target"]
    assert round(falling_pace / d["non_uasc_rate"] * 100, 2) == stored["drift_low"]
    history = rates.historical_rates()
    years, values = list(history), list(history.values())
    mx, my = sum(years) / len(years), sum(values) / len(values)
    slope = (sum((x - mx) * (y - my) for x, y in zip(years, values, strict=True))
             / sum((x - mx) ** 2 for x in years))
    assert round(slope / d["non_uasc_rate"] * 100, 2) == stored["drift_high"]
    a, b = rates.trend()
    relative = [r / (a + b * math.log(y - 2010)) - 1 for y, r in history.items()]
    sd = math.sqrt(sum(e * e for e in relative) / (len(relative) - 2))
    assert round(sd * 100, 2) == stored["year_to_year_sd"]


def test_what_varies_is_listed_with_its_source_and_what_does_not_is_said():
    band = band_of("rising-lac")
    inputs = {v["input"]: v for v in band["varies"]}
    assert set(inputs) == {"rate_drift", "rate_year_to_year", "population", "uasc"}
    assert (inputs["uasc"]["low"], inputs["uasc"]["high"]) == (28, 50)
    assert all(v["source"] for v in band["varies"])
    assert "does not vary what a week of care costs" in band["caption"]
    assert "no width there" in band["caption"]
    with_programme = band_of("rising-lac", dict(defaults(), edge_of_care_families=135.5))
    assert "edge_of_care_success_rate" in {v["input"] for v in with_programme["varies"]}
    assert "effect of each programme" in with_programme["caption"]


def test_the_band_on_the_change_is_the_band_less_the_start():
    band = band_of("falling-lac")
    start = band["total_cost_low"][0]
    assert band["total_cost_change_low"][0] == band["total_cost_change_high"][0] == 0
    assert band["total_cost_change_high"][10] == band["total_cost_high"][10] - start
    table = api.compute({"scenario": "falling-lac", "uncertainty": True,
                         "samples": 200, "seed": 1})["change_table"]
    assert math.isclose(table["band"]["low"][2], band["total_cost_change_low"][10] / 1e6)


def test_switching_a_programme_on_does_not_redraw_the_demand():
    """Each kind of input has its own random stream: the same seed gives the same demand."""
    plain = band_of("baseline-ons", samples=100, seed=5)
    priced = band_of("baseline-ons", dict(defaults(), placement_cost_reduction=5), 100, 5)
    assert plain["lac_low"] == priced["lac_low"] and plain["lac_high"] == priced["lac_high"]


def test_a_later_count_has_no_width_and_the_band_widens_from_it():
    values = dict(defaults(), observed_year=2022, observed_lac=285)
    scenario = presets()["baseline-ons"].with_choices({"start_from": "observed"})
    band = uncertainty.band(scenario, values, 200, 3)
    rows = run(scenario, values)
    for i in range(6):  # 2017 to 2022: the two known positions and the line between them
        assert band["lac_low"][i] == band["lac_high"][i] == rows[i]["lac"]
    assert math.isclose(rows[5]["lac"], 285)
    assert band["lac_high"][6] > band["lac_low"][6]
    assert band["start_year"] == 2022 and band["lac_change_low"][5] == 0
    assert "the count you gave for 2022" in band["caption"]
