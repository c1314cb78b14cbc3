"""The scenario explorer in a real browser: shared links, controls, hostile links, offline, instant
navigation, failure fallback, JavaScript off, comparing, exporting, printing and tablets."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from explorer.py import explorer_presenter as presenter
from tests.support.axe import serious_violations
from tests.support.browser import PageLog, watch

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results"
APP = "explorer/app/"
READY = "() => window.explorer && explorer.timings.modelReady"
MODEL_START_MS = 45_000  # Pyodide on a busy 2-core CI machine; typically 2 s


def explorer_frame(tab: Page) -> Frame:
    """The explorer inside the site's /explorer/ page."""
    tab.wait_for_selector("iframe.explorer-frame")
    for _ in range(100):
        frame = next((f for f in tab.frames if f.url.split("#")[0].endswith("/" + APP)), None)
        if frame is not None:
            return frame
        tab.wait_for_timeout(50)
    raise AssertionError("the explorer's frame did not load")


def wait_for_render(target: Page | Frame, reason: str, band: bool | None = None) -> dict[str, Any]:
    """Wait until the page has painted a result for ``reason`` (optionally with its band)."""
    want = "" if band is None else f" && e.band === {json.dumps(band)}"
    detail: dict[str, Any] = target.evaluate(
        f"""() => new Promise((resolve, reject) => {{
            const seen = (window.__renders || []).find(e => e.reason === {json.dumps(reason)}{want});
            if (seen) return resolve(seen);
            setTimeout(() => reject(new Error("no render for {reason}")), {MODEL_START_MS});
            document.addEventListener("explorer:render", function on(event) {{
                const e = event.detail;
                if (e.reason === {json.dumps(reason)}{want}) {{
                    document.removeEventListener("explorer:render", on);
                    resolve(e);
                }}
            }});
        }})""")
    return detail


def record_renders(tab: Page) -> None:
    """Keep every render event, in this page and its frames, from the start."""
    tab.add_init_script("""window.__renders = [];
        document.addEventListener("explorer:render", e => window.__renders.push(e.detail));""")


def table(target: Page | Frame, table_id: str) -> list[list[tuple[str, str | None]]]:
    rows: list[list[tuple[str, str | None]]] = target.eval_on_selector_all(
        f"#t-{table_id} tbody tr",
        "rows => rows.map(r => [...r.cells].map(c => [c.textContent, c.dataset.v ?? null]))")
    return rows


def cli_run(scenario: str, sets: dict[str, str]) -> dict[str, Any]:
    """The model's command line, as an officer would run it."""
    args = [sys.executable, "-m", "model", "run", "--scenario", scenario, "--json",
            "--uncertainty"]
    if sets:
        args += ["--set", *[f"{k}={v}" for k, v in sets.items()]]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


# ------------------------------------------------------------------------------ shared links
def test_a_shared_link_shows_exactly_what_the_command_line_computes(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    sets = {"edge_of_care_families": "200", "cost_per_week": "1100", "pause_women": "15"}
    fragment = "scenario=rising-lac&" + "&".join(f"{k}={v}" for k, v in sets.items())
    tab.goto(f"{site_url}explorer/#{fragment}")
    frame = explorer_frame(tab)
    wait_for_render(frame, "link")
    wait_for_render(frame, "band", band=True)
    expected = cli_run("rising-lac", sets)

    rows = table(frame, "years")
    assert len(rows) == len(expected["rows"])
    for shown, row in zip(rows, expected["rows"], strict=True):
        year, lac, cost, band = shown[0][0], shown[3], shown[6], shown[5][0]
        assert year == str(row["year"])
        assert lac[0] == presenter.count(row["lac"]) and close(float(lac[1] or "nan"), row["lac"])
        assert cost[0] == presenter.money_m(row["total_cost"])
        assert close(float(cost[1] or "nan"), row["total_cost"])
        assert band == f"{presenter.count(row['lac_low'])} to {presenter.count(row['lac_high'])}"
    # the controls show the link's values, and the chart holds the same numbers
    assert frame.input_value("#n-edge_of_care_families") == "200"
    assert frame.is_checked('input[name="scenario"][value="rising-lac"]')
    plotted = frame.evaluate("() => Bokeh.documents[0].get_model_by_name('scenario').data.lac")
    assert all(close(a, b["lac"]) for a, b in zip(plotted, expected["rows"], strict=True))
    # the link keeps the same values (written in the registry's order), and nothing was refused
    from urllib.parse import parse_qsl

    assert dict(parse_qsl(tab.evaluate("location.hash")[1:])) == dict(parse_qsl(fragment))
    assert frame.is_hidden("#problems")
    assert log.page_errors == [] and log.console_errors == []


def test_a_shared_link_with_choices_shows_what_the_command_line_computes(
        page: tuple[Page, PageLog], site_url: str) -> None:
    """The population projection, rate path and non-placement costs are settings like any other:
    a link changes them under the command line's names, and gets the command line's numbers."""
    tab, log = page
    record_renders(tab)
    sets = {"rate_path": "to-target", "target_rate": "60", "years_to_target": "4",
            "population_projection": "ons", "non_placement_costs": "constant"}
    fragment = "scenario=population-growth-only&" + "&".join(f"{k}={v}" for k, v in sets.items())
    tab.goto(f"{site_url}explorer/#{fragment}")
    frame = explorer_frame(tab)
    wait_for_render(frame, "link")
    wait_for_render(frame, "band", band=True)
    expected = cli_run("population-growth-only", sets)
    assert expected["rows"][4]["non_uasc_rate"] == 60  # the CLI did take the choices

    rows = table(frame, "years")
    assert len(rows) == len(expected["rows"])
    for shown, row in zip(rows, expected["rows"], strict=True):
        population, rate, lac, cost = shown[1], shown[2], shown[3], shown[6]
        assert population[0] == presenter.count(row["child_population"])
        assert close(float(population[1] or "nan"), row["child_population"])
        assert close(float(rate[1] or "nan"), row["non_uasc_rate"])
        assert lac[0] == presenter.count(row["lac"]) and close(float(lac[1] or "nan"), row["lac"])
        assert cost[0] == presenter.money_m(row["total_cost"])
        assert close(float(cost[1] or "nan"), row["total_cost"])
        assert shown[5][0] == f"{presenter.count(row['lac_low'])} to {presenter.count(row['lac_high'])}"
    plotted = frame.evaluate("() => Bokeh.documents[0].get_model_by_name('scenario').data.cost_m")
    assert all(close(a * 1e6, b["total_cost"]) for a, b in zip(plotted, expected["rows"], strict=True))
    # the radio groups show the link's choices, each marked as changed from the scenario's
    for name, value in sets.items():
        if name in ("target_rate", "years_to_target"):
            assert frame.input_value(f"#n-{name}") == value
        else:
            assert frame.is_checked(f"#o-{name}-{value}"), name
            expect(frame.locator(f"#c-{name}")).to_have_class(re.compile(r"\bchanged\b"))
    expect(frame.locator("#c-target_rate .not-used")).to_be_hidden()  # the path reads it
    from urllib.parse import parse_qsl

    assert dict(parse_qsl(tab.evaluate("location.hash")[1:])) == dict(parse_qsl(fragment))
    assert frame.is_hidden("#problems")
    assert re.search(r"costing £\d+(\.\d)? million a year", frame.inner_text("#summary"))
    assert log.page_errors == [] and log.console_errors == []


def test_a_choice_moves_with_the_keyboard_and_is_announced(page: tuple[Page, PageLog],
                                                           site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{APP}#scenario=rising-lac")
    tab.wait_for_function(READY, timeout=MODEL_START_MS)
    wait_for_render(tab, "link")
    before = table(tab, "years")
    expect(tab.locator("#c-target_rate .not-used")).to_be_visible()  # the trend does not read it
    group = tab.get_by_role("group", name=re.compile("How the rate of children in care"))
    expect(group.get_by_role("radio")).to_have_count(3)
    tab.focus("#o-rate_path-rising-trend")
    tab.keyboard.press("ArrowDown")  # a radio group: arrow keys choose the next option
    wait_for_render(tab, "control")
    assert tab.is_checked("#o-rate_path-to-target")
    tab.wait_for_function("() => location.hash.includes('rate_path=to-target')")
    expected = cli_run("rising-lac", {"rate_path": "to-target"})
    after = table(tab, "years")
    assert after != before
    assert [r[3][0] for r in after] == [presenter.count(r["lac"]) for r in expected["rows"]]
    expect(tab.locator("#c-target_rate .not-used")).to_be_hidden()
    expect(tab.locator("#c-rate_path")).to_have_class(re.compile(r"\bchanged\b"))
    expect(tab.locator("#announce")).to_contain_text(
        "Rising looked-after children, with your changes: in 2027")
    # back to the scenario's choice, and the link forgets it
    tab.click("#c-rate_path .reset")
    wait_for_render(tab, "control")
    assert tab.is_checked("#o-rate_path-rising-trend")
    expect(tab.locator("#announce")).to_contain_text("Rising looked-after children: in 2027")
    tab.wait_for_function("() => !location.hash.includes('rate_path')")
    assert log.page_errors == [] and log.console_errors == []


def test_a_published_scenario_is_shown_before_the_model_has_started(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    record_renders(tab)
    tab.goto(f"{site_url}{APP}#scenario=falling-lac")
    detail = wait_for_render(tab, "link")
    assert detail["band"] is True  # computed at build time, band and all
    expected = cli_run("falling-lac", {})
    assert [r[3][0] for r in table(tab, "years")] == [presenter.count(r["lac"])
                                                       for r in expected["rows"]]


# ------------------------------------------------------------------------------ controls
def open_setting(target: Page | Frame, name: str) -> None:
    """Unfold the group of settings that holds ``name``, as a reader would."""
    target.evaluate(f"document.getElementById('c-{name}').closest('details').open = true")


def chart_pixels(target: Frame | Page) -> bytes:
    shot: bytes = target.locator(".chart-host").screenshot()
    return shot


def test_moving_a_control_repaints_the_chart_and_the_tables(page: tuple[Page, PageLog],
                                                            site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{APP}")
    tab.wait_for_function(READY, timeout=MODEL_START_MS)
    wait_for_render(tab, "link")
    before_rows, before_chart = table(tab, "years"), chart_pixels(tab)
    before_cds = tab.evaluate("() => Bokeh.documents[0].get_model_by_name('scenario').data.lac")

    open_setting(tab, "edge_of_care_families")
    tab.fill("#n-edge_of_care_families", "300")  # typing fires "input", as a reader's keys do
    wait_for_render(tab, "control")
    after_rows = table(tab, "years")
    assert after_rows != before_rows
    assert after_rows[-1][3][0] == presenter.count(
        cli_run("baseline-ons", {"edge_of_care_families": "300"})["rows"][-1]["lac"])
    after_cds = tab.evaluate("() => Bokeh.documents[0].get_model_by_name('scenario').data.lac")
    assert after_cds[-1] < before_cds[-1] - 40  # 48 children a year kept out of care
    assert chart_pixels(tab) != before_chart
    assert tab.input_value("#r-edge_of_care_families") == "300"  # the slider follows the box
    expect(tab.locator("#t-programmes tbody tr")).to_have_count(1)
    tab.wait_for_function("() => location.hash.includes('edge_of_care_families=300')")

    # the keyboard moves a slider too: arrow keys step it, and the result follows
    tab.focus("#r-uasc")
    tab.keyboard.press("ArrowRight")
    wait_for_render(tab, "control")
    assert tab.input_value("#n-uasc") == "39"
    tab.wait_for_function("() => location.hash.includes('uasc=39')")

    # a number out of range is explained beside the box and not used
    tab.fill("#n-uasc", "-5")
    expect(tab.locator("#e-uasc")).to_contain_text("outside the range: it must be between 0 and 200")
    expect(tab.locator("#n-uasc")).to_have_attribute("aria-invalid", "true")
    tab.wait_for_timeout(400)
    assert tab.evaluate("explorer.state().values.uasc") == 39
    assert "uasc=39" in tab.evaluate("location.hash")
    assert log.page_errors == [] and log.console_errors == []


# ------------------------------------------------------------------------------ hostile links
HOSTILE = [
    # (fragment, parameter refused, words the message must contain)
    ("uasc=abc", "Unaccompanied", "is not a number"),
    ("uasc=NaN", "Unaccompanied", "is not a number"),
    ("uasc=-5", "Unaccompanied", "outside the range"),
    ("uasc=1e400", "Unaccompanied", "too large"),
    ("uasc=99999999999", "Unaccompanied", "outside the range"),
    ("uasc=0x10", "Unaccompanied", "is not a number"),
    ("uasc=", "Unaccompanied", "is not a number"),
    ("not_a_setting=1", "not_a_setting", "not a setting of the model"),
    ("uasc=" + quote("<script>window.__pwned=1</script>"), "Unaccompanied", "is not a number"),
    ("uasc=" + quote('"><img src=x onerror="window.__pwned=1">'), "Unaccompanied", "is not a number"),
    (quote("<img src=x onerror=window.__pwned=1>") + "=1", "<img", "not a setting"),
    ("scenario=" + quote("<svg onload=window.__pwned=1>"), "Scenario", "not one of the published"),
    ("rate_path=" + quote("<img src=x onerror=window.__pwned=1>"), "How the rate of children",
     "must be one of constant, rising-trend, to-target"),
    ("population_projection=census", "Child population projection", "must be one of ons, shma"),
    ("non_placement_costs=" + quote("constant<script>window.__pwned=1</script>"),
     "How non-placement costs", "must be one of share, constant"),
    ("uasc=javascript:window.__pwned=1", "Unaccompanied", "is not a number"),
]


def test_hostile_links_keep_good_values_reset_bad_ones_and_run_nothing(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for fragment, who, why in HOSTILE:
        tab.goto("about:blank")
        tab.goto(f"{site_url}{APP}#scenario=falling-lac&pause_women=15&{fragment}")
        problems = tab.locator("#problems")
        expect(problems).to_be_visible()
        message = problems.inner_text()
        assert who in message and why in message, (fragment, message)
        assert tab.input_value("#n-pause_women") == "15", fragment  # the good value is kept
        if "uasc" in fragment:
            assert tab.input_value("#n-uasc") == "38", fragment  # the bad one is reset
            assert "uasc=" not in tab.evaluate("location.hash")  # and left out of the link
        if fragment.startswith(("rate_path", "population_projection", "non_placement_costs")):
            name = fragment.split("=", 1)[0]
            preset = {"rate_path": "to-target", "population_projection": "shma",
                      "non_placement_costs": "constant"}[name]
            assert tab.is_checked(f"#o-{name}-{preset}"), fragment  # the preset's choice
            assert f"{name}=" not in tab.evaluate("location.hash")
            assert "reset to the preset's choice" in message
        assert tab.evaluate("window.__pwned") is None, fragment
        assert tab.locator("#problems img, #problems svg, #problems script").count() == 0
    # a link changed in the address bar is read again (hashchange), and checked the same way
    tab.evaluate("location.hash = 'scenario=rising-lac&uasc=%3Cb%3Ebold%3C%2Fb%3E&pause_women=9'")
    expect(tab.locator("#problems")).to_contain_text("<b>bold</b>")  # shown as text, not markup
    assert tab.input_value("#n-pause_women") == "9"
    # an ordinary anchor is not a scenario, and is not reported as one
    tab.evaluate("location.hash = 'settings'")
    tab.wait_for_timeout(300)
    assert tab.input_value("#n-pause_women") == "9"
    assert dialogs == []
    assert log.page_errors == []


# ------------------------------------------------------------------------------ offline
def test_the_explorer_loads_nothing_from_another_origin(page: tuple[Page, PageLog],
                                                         site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}explorer/#scenario=rising-lac&parenting_places=135")
    frame = explorer_frame(tab)
    wait_for_render(frame, "band", band=True)
    open_setting(frame, "dv_victim_places")
    frame.fill("#n-dv_victim_places", "60")
    wait_for_render(frame, "control")
    assert any(url.endswith("pyodide.asm.wasm") for url in log.requests)  # the worker's too
    assert log.foreign_requests() == []
    assert log.console_errors == [] and log.page_errors == []


# ------------------------------------------------------------------------------ instant navigation
def test_the_explorer_works_after_instant_navigation(page: tuple[Page, PageLog],
                                                     site_url: str) -> None:
    tab, log = page
    tab.goto(site_url)
    tab.evaluate("window.__noReload = true")
    tab.get_by_role("link", name="Scenario explorer").first.click()
    tab.wait_for_url(re.compile(r"/explorer/$"))
    assert tab.evaluate("window.__noReload") is True, "expected instant navigation, not a load"
    frame = explorer_frame(tab)
    frame.wait_for_function(READY, timeout=MODEL_START_MS)
    open_setting(frame, "edge_of_care_families")
    frame.fill("#n-edge_of_care_families", "150")
    tab.wait_for_function("() => location.hash.includes('edge_of_care_families=150')")
    expect(frame.locator("#t-programmes tbody tr")).to_have_count(1)

    # away and back again, still without a full load: the link restores the scenario
    tab.get_by_role("link", name="Home").first.click()
    tab.wait_for_url(re.compile(r"/$"))
    tab.go_back()
    tab.wait_for_url(re.compile(r"/explorer/"))
    frame = explorer_frame(tab)
    frame.wait_for_function("() => document.getElementById('n-edge_of_care_families').value === '150'")
    assert tab.evaluate("window.__noReload") is True
    assert log.page_errors == []


# ------------------------------------------------------------------------------ failure and no JS
@pytest.mark.parametrize("missing", ["**/pyodide.asm.wasm", "**/worker.mjs*", "**/model.json"])
def test_when_pyodide_cannot_start_the_published_scenarios_are_still_shown(
        browser: Browser, site_url: str, missing: str) -> None:
    context = browser.new_context()
    context.route(missing, lambda route: route.abort())
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{APP}#scenario=rising-lac&uasc=40")
        expect(tab.locator("#status")).to_contain_text("could not start", timeout=MODEL_START_MS)
        expect(tab.locator("#problems")).to_contain_text("cannot be calculated in this browser")
        expect(tab.locator("#published")).to_have_attribute("open", "")
        expect(tab.locator("#t-presets tbody tr")).to_have_count(7)  # 4, and 3 published
        # the published scenarios still work: they were computed when the site was built
        tab.check('input[name="scenario"][value="falling-lac"]')
        tab.fill("#n-uasc", "38")
        expect(tab.locator("#summary")).to_contain_text("Falling looked-after children")
    finally:
        context.close()


def test_with_javascript_off_the_published_scenarios_are_a_table(browser: Browser,
                                                                 site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{APP}")
        expect(tab.locator("#t-presets-static tbody tr")).to_have_count(7)  # 4, and 3 published
        expect(tab.locator("#t-presets-static")).to_be_visible()
        expect(tab.locator("#t-presets-static")).to_contain_text("Rising looked-after children")
        expect(tab.locator("#t-change")).to_be_hidden()  # a default scenario means nothing here
        expect(tab.locator("#settings")).to_be_hidden()
        expect(tab.locator(".status")).to_contain_text("JavaScript is off")
        tab.goto(f"{site_url}explorer/")  # the site's page frames it, and says so without JS
        expect(tab.locator("iframe.explorer-frame")).to_be_visible()
    finally:
        context.close()


# ------------------------------------------------------------------------------ compare, export
def test_pin_compare_download_and_print(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{APP}#scenario=rising-lac")
    tab.wait_for_function(READY, timeout=MODEL_START_MS)
    tab.click("#pin")
    expect(tab.locator("#pin")).to_have_attribute("aria-pressed", "true")
    open_setting(tab, "edge_of_care_families")
    tab.click('.control[data-param="edge_of_care_families"] .use-report')
    wait_for_render(tab, "control")
    compare = tab.locator("#compare")
    expect(compare).to_be_visible()
    expect(tab.locator("#compare-inputs")).to_contain_text("A 0, B 135.5")
    first = tab.locator("#compare-table tbody tr").first.locator("td")
    expect(first.nth(2)).not_to_have_text(first.nth(0).inner_text())
    assert tab.evaluate("() => Bokeh.documents[0].get_model_by_name('pinned-lac').visible")

    tab.click("#copy-link")
    expect(tab.locator("#copied")).to_contain_text(re.compile(r"Link copied|edge_of_care_families=135.5"))

    with tab.expect_download() as info:
        tab.click("#download")
    download = info.value
    assert download.suggested_filename == "thurrock-lac-rising-lac.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Setting", "Name", "Value", "Unit", "Scenario's value"] in rows
    assert any(r[:3] == ["Edge-of-care service: families worked with per year",
                         "edge_of_care_families", "135.5"] for r in rows)
    # each choice, by the command line's name and value, with its plain words
    assert ["How the rate of children in care (not UASC) moves after 2017", "rate_path",
            "rising-trend", "Rises on the 2011-2017 trend", "rising-trend"] in rows
    assert any(r[1:3] == ["population_projection", "shma"] for r in rows)
    assert any(r[1:3] == ["non_placement_costs", "share"] for r in rows)
    header = next(i for i, r in enumerate(rows) if r and r[0] == "year")
    assert len([r for r in rows[header + 1:] if r]) == 21  # 2017 to 2037

    tab.emulate_media(media="print")
    expect(tab.locator("#inputs-table")).to_be_visible()
    expect(tab.locator("#inputs-table")).to_contain_text("Rises on the 2011-2017 trend")
    expect(tab.locator("#inputs-table")).to_contain_text("Housing-market (SHMA) projection")
    expect(tab.locator("#settings")).to_be_hidden()
    expect(tab.locator("#t-years")).to_be_attached()
    tab.emulate_media(media="screen")
    assert log.page_errors == []


def test_at_1280_pixels_every_table_fits_or_scrolls_in_a_focusable_region(
        page: tuple[Page, PageLog], site_url: str) -> None:
    """Nothing is cut off: the programme tables fit beside the settings, and a table that does not
    fit (the year by year one) scrolls inside a region the keyboard can reach."""
    tab, _ = page
    tab.goto(f"{site_url}explorer/#scenario=rising-lac&edge_of_care_families=200&pause_women=15"
             "&parenting_places=135&dv_victim_places=60&dv_perpetrator_places=10"
             "&reunification_weeks_reduction=1&placement_cost_reduction=5")
    frame = explorer_frame(tab)
    frame.wait_for_function(READY, timeout=MODEL_START_MS)
    expect(frame.locator("#t-programmes tbody tr")).to_have_count(8)  # 7, then all together
    for details in frame.locator("details").all():
        details.evaluate("d => d.open = true")
    for table_id in ("programmes", "proposals", "change"):
        fits = frame.evaluate(f"""() => {{ const r = document.getElementById('t-{table_id}')
            .closest('.table-scroll'); return r.scrollWidth <= r.clientWidth + 1; }}""")
        assert fits, table_id
    regions = frame.evaluate("""() => [...document.querySelectorAll('.table-scroll')]
        .filter(r => r.offsetParent && r.scrollWidth > r.clientWidth + 1)
        .map(r => [r.querySelector('table').id, r.tabIndex, getComputedStyle(r).overflowX,
                   r.getAttribute('role'), r.getAttribute('aria-labelledby')])""")
    assert regions, "the year-by-year table is wider than its column and should scroll"
    for table_id, tab_index, overflow, role, label in regions:
        assert (tab_index, overflow, role) == (0, "auto", "region"), table_id
        assert label, table_id
    # a table that overflows shows it (edge shadows); one that fits does not need to
    expect(frame.locator(".table-scroll:has(#t-years)")).to_have_class(re.compile(r"\boverflows\b"))
    expect(frame.locator(".table-scroll:has(#t-programmes)")).not_to_have_class(
        re.compile(r"\boverflows\b"))
    # the frame itself never scrolls sideways
    assert frame.evaluate("document.documentElement.scrollWidth <= "
                          "document.documentElement.clientWidth + 1")


# ------------------------------------------------------------------------------ tablets, a11y
def test_on_a_tablet_nothing_spills_sideways(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}explorer/#scenario=falling-lac&edge_of_care_families=200")
        frame = explorer_frame(tab)
        frame.wait_for_function(READY, timeout=MODEL_START_MS)
        for target in (tab, frame):
            width = target.evaluate("document.documentElement.scrollWidth")
            assert width <= target.evaluate("document.documentElement.clientWidth") + 1
        frame.locator("#n-uasc").tap()
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "explorer-tablet.png"))
    finally:
        context.close()


def test_the_working_explorer_passes_axe(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    tab.goto(f"{site_url}{APP}#scenario=rising-lac&uasc=oops&edge_of_care_families=200")
    tab.wait_for_function(READY, timeout=MODEL_START_MS)
    tab.click("#pin")
    for details in tab.locator("details").all():
        details.evaluate("d => d.open = true")
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "explorer.png"), full_page=True)
    found = serious_violations(tab)
    assert found == [], found


def test_watch_sees_the_workers_requests(browser: Browser, site_url: str) -> None:
    """The request log the offline test relies on includes what the Web Worker fetches."""
    context = browser.new_context()
    tab = context.new_page()
    log = watch(tab, site_url)
    try:
        tab.goto(f"{site_url}{APP}")
        tab.wait_for_function(READY, timeout=MODEL_START_MS)
        assert any(u.endswith("python_stdlib.zip") for u in log.requests)
    finally:
        context.close()
