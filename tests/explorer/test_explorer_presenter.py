"""The presenter: what the page shows for a model response, the same in CPython and Pyodide."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.py import explorer_presenter as presenter
from model import api


@pytest.mark.parametrize(("x", "text"), [
    (2_080_000, "£2.08M"), (-440_000, "-£0.44M"), (125_000, "£0.13M"), (-125_000, "-£0.13M"),
    (0, "£0.00M"), (-1_000, "£0.00M"),
    (5_985_000, "£5.99M"), (12_345_678_901, "£12,345.68M"), (None, "—"),
])
def test_money_in_millions_is_written_as_the_report_writes_it(x: float | None, text: str) -> None:
    assert presenter.money_m(x) == text


@pytest.mark.parametrize(("x", "text"), [
    (26_100_000, "£26.1 million"), (26_149_999, "£26.1 million"), (25_960_000, "£26 million"),
    (5_000_000, "£5 million"), (940_400, "£940,000"), (-440_000, "-£440,000"),
    (-2_080_000, "-£2.1 million"), (None, "—"),
])
def test_headline_money_is_in_govuk_style(x: float | None, text: str) -> None:
    assert presenter.money_words(x) == text


def test_the_headline_uses_words_and_the_change_table_the_reports_form() -> None:
    view = presenter.view(api.compute({"scenario": "rising-lac"}))
    assert re.fullmatch(r"Rising looked-after children: in 2027, \d+ looked-after children "
                        r"costing £\d+(\.\d)? million a year \(the same as doing nothing\)\.",
                        view["summary"]), view["summary"]
    assert all(re.fullmatch(r"-?£[\d,]+\.\d\dM", presenter.cell_text(c))
               for row in view["tables"]["change"]["rows"] for c in row[1:])


@pytest.mark.parametrize(("x", "text"), [
    (0.5, "1"), (1.5, "2"), (2.5, "3"), (-0.5, "-1"), (1234.49, "1,234"), (None, "—"),
])
def test_counts_round_half_away_from_zero_as_javascript_does(x: float | None, text: str) -> None:
    assert presenter.count(x) == text


def test_pounds() -> None:
    assert presenter.pounds(1_225_153.4) == "£1,225,153"
    assert presenter.pounds(-7_292.5) == "-£7,293"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_formatting_never_fails_and_keeps_the_sign(x: float) -> None:
    for text in (presenter.money_m(x), presenter.pounds(x), presenter.count(x),
                 presenter.decimal(x)):
        assert text
        assert not text.startswith("-") or x < 0


def test_a_view_has_what_the_page_needs() -> None:
    view = json.loads(presenter.handle(json.dumps(
        {"scenario": "rising-lac", "overrides": {"edge_of_care_families": "200"}})))
    assert set(view) == {"scenario", "settings", "errors", "start", "guard_rails", "band",
                         "summary", "series", "tables", "compare", "headline"}
    assert view["settings"]["edge_of_care_families"] == 200  # what the figures were computed with
    assert view["band"] is False
    assert view["series"]["lac_low"] == [None] * len(view["series"]["year"])
    assert set(view["tables"]) == {"change", "programmes", "proposals", "years"}
    [edge] = view["tables"]["programmes"]["rows"]
    assert edge[0]["t"].startswith("Edge-of-care")
    assert [presenter.cell_text(c) for c in edge[1:3]] == ["200 families per year", "£457,000"]
    assert "Rising looked-after children, with your changes: in 2027" in view["summary"]


def test_the_change_table_sets_the_report_beside_the_model() -> None:
    view = presenter.view(api.compute({"scenario": "rising-lac"}))
    rows = view["tables"]["change"]["rows"]
    assert [r[0]["t"] for r in rows] == ["Rising CLA (your settings)", "Rising CLA (doing nothing)",
                                         "Rising CLA (published in the report)"]
    assert [presenter.cell_text(c) for c in rows[2][1:]] == ["£2.08M", "£4.01M", "£5.98M"]


def test_bad_input_is_reported_and_the_view_still_made() -> None:
    view = json.loads(presenter.handle(json.dumps(
        {"scenario": "nope", "overrides": {"uasc": "<script>", "junk": 1}})))
    assert view["scenario"] == "baseline-ons"
    assert {e["parameter"] for e in view["errors"]} == {"scenario", "uasc", "junk"}


def test_the_band_is_carried_when_asked_for() -> None:
    view = presenter.view(api.compute({"scenario": "falling-lac", "uncertainty": True,
                                       "samples": 50}))
    assert view["band"] is True
    series = view["series"]
    assert all(lo <= mid <= hi for lo, mid, hi in
               zip(series["lac_low"], series["lac"], series["lac_high"], strict=True))
    assert all(math.isfinite(v) for v in series["total_cost_high"])


def test_the_announced_summary_says_when_the_reader_has_changed_the_scenario():
    from explorer.py.explorer_presenter import summary
    from model import api

    plain = summary(api.compute({"scenario": "baseline-ons"}))
    changed = summary(api.compute({"scenario": "baseline-ons",
                                   "overrides": {"population_projection": "shma"}}))
    assert plain.startswith("Baseline (ONS population): in 2027")
    assert changed.startswith("Baseline (ONS population), with your changes: in 2027")


def test_comparisons_can_be_made_in_any_year_both_scenarios_reach() -> None:
    """Two scenarios may end in different years: the page compares them in the same year, from
    each one's figures for every year (the series), named in the layout."""
    short = presenter.view(api.compute({"scenario": "rising-lac", "overrides": {"end_year": 2030}}))
    long = presenter.view(api.compute({"scenario": "rising-lac"}))
    assert short["series"]["year"] == list(range(2017, 2031))
    assert long["series"]["year"][-1] == 2037
    for figure in presenter.LAYOUT["compare"]:
        assert "{year}" in figure["label"]
        assert len(long["series"][figure["field"]]) == len(long["series"]["year"])
    assert short["series"]["lac"] == long["series"]["lac"][:14]
    assert {f["id"] for f in short["compare"]} >= {"change_3", "change_10", "prog_net"}


def test_figures_are_formatted_as_the_shared_cases_say() -> None:
    """tests/cases/formats.json: the page's formats.mjs is checked against the same cases."""
    from pathlib import Path

    cases = json.loads((Path(__file__).resolve().parents[1] / "cases" / "formats.json")
                       .read_text(encoding="utf-8"))["cases"]
    for case in cases:
        assert presenter.format_kind(case["kind"], case["value"]) == case["text"], case


def test_the_year_table_and_the_csv_are_laid_out_from_the_series() -> None:
    view = presenter.view(api.compute({"scenario": "falling-lac", "uncertainty": True,
                                       "samples": 30}))
    rows = presenter.years_rows(view["series"])
    assert len(rows) == len(view["series"]["year"])
    assert presenter.cell_text(rows[-1][0]) == "2037"
    assert re.fullmatch(r"[\d,]+ to [\d,]+", presenter.cell_text(rows[5][5]))
    fields = {field for _, field in presenter.LAYOUT["export"]}
    assert fields <= set(view["series"])


def test_the_programme_table_shows_the_forecast_difference_and_when_it_pays_back() -> None:
    """Falling LAC holds non-placement costs: 200 families save £1.20M in the first year, the
    same as the forecast with and without them; Pause never pays back and says so."""
    response = api.compute({"scenario": "falling-lac",
                            "overrides": {"edge_of_care_families": "200", "pause_women": "15"}})
    table = presenter.programmes_table(response)
    labels = [c["label"] for c in table["columns"]]
    assert labels[4:] == ["Savings, first year", "Net savings, first year", "Net savings to 2037",
                          "Pays back", "Net present value"]
    edge, pause, together = table["rows"]
    saved = response["baseline_rows"][1]["net_cost"] - response["rows"][1]["net_cost"]
    assert together[5]["v"] == saved  # net savings, first year: the forecast difference
    assert presenter.cell_text(edge[4]) == "£1,200,640"
    assert (edge[7]["t"], pause[7]["t"]) == ("2018", "never")
    assert pause[7]["v"] is None and presenter.cell_text(pause[5]).startswith("-£")
    assert "Net present value" in table["notes"][0] and "3.5%" in table["notes"][0]


def test_the_band_says_what_it_varies_and_the_years_their_month() -> None:
    plain = presenter.view(api.compute({"scenario": "rising-lac"}))
    assert "worked out when you pause" in plain["tables"]["change"]["notes"][-1]
    assert "August of each year" in plain["tables"]["years"]["caption"]
    banded = presenter.view(api.compute({"scenario": "rising-lac", "uncertainty": True,
                                         "samples": 50}))
    change = banded["tables"]["change"]
    assert [r[0]["t"] for r in change["rows"][1:3]] == [
        "Uncertainty band on your settings, high (95th percentile)",
        "Uncertainty band on your settings, low (5th percentile)"]
    assert change["rows"][2][1]["v"] <= change["rows"][0][1]["v"] <= change["rows"][1][1]["v"]
    note = change["notes"][-1]
    assert "does not vary" in note and "ONS and SHMA" in note and "no width" in note


def test_a_later_count_is_where_the_view_starts() -> None:
    view = presenter.view(api.compute({"scenario": "baseline-ons", "overrides": {
        "start_from": "observed", "observed_year": "2022", "observed_lac": "285"}}))
    assert view["start"].startswith("285 children in care in 2022")
    assert "starting from 285 children in care in 2022" in view["summary"]
    assert view["tables"]["change"]["caption"].startswith("Projected changes in LAC costs since "
                                                          "2022, from 285 children in care")
    assert len(view["tables"]["change"]["rows"]) == 2  # the report's 2017 figures do not apply


def test_with_inflation_the_running_total_is_given_in_cash_and_at_2017_prices() -> None:
    flat = presenter.programmes_table(api.compute({"overrides": {"edge_of_care_families": 200}}))
    assert "2017 prices" not in flat["rows"][0][6]["t"]
    inflated = presenter.programmes_table(api.compute({"overrides": {
        "edge_of_care_families": 200, "cost_inflation": 2}}))
    cash, real = inflated["rows"][0][6]["t"].split("; ")
    assert real.endswith("at 2017 prices") and cash != real.split(" at ")[0]
