"""Trust, in a real browser: nothing shown, announced, printed, pinned or exported is ever labelled
with settings other than those its figures were computed for, in the first seconds of a shared
link, on a slow connection, right after a change, or when the model cannot start."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from explorer.py import explorer_presenter as presenter
from tests.support.browser import PageLog, watch
from tests.support.explorer import (
    PAGE,
    cli_run,
    close,
    csv_rows,
    open_setting,
    slow_network,
    start_model,
    state,
    table,
    violations,
    wait_phase,
    watch_invariants,
)

LINK = "scenario=rising-lac&edge_of_care_families=200&pause_women=15&cost_per_week=1100"
SETS = {"edge_of_care_families": "200", "pause_women": "15", "cost_per_week": "1100"}


def year_block(rows: list[list[str]], after: int = 0) -> list[list[str]]:
    """The CSV's year-by-year rows of the block starting at ``after``."""
    start = next(i for i, r in enumerate(rows) if i >= after and r and r[0] == "year")
    out = []
    for row in rows[start + 1:]:
        if not row or not row[0]:
            break
        out.append(row)
    return out


def setting_value(rows: list[list[str]], name: str, after: int = 0) -> str:
    return next(r[2] for i, r in enumerate(rows) if i >= after and len(r) > 2 and r[1] == name)


def test_on_a_slow_connection_a_shared_link_is_provisional_until_its_own_figures_come(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    watch_invariants(tab)
    slow_network(tab, mbit=20)
    tab.goto(f"{site_url}{PAGE}#{LINK}")
    s = wait_phase(tab, "waiting")
    # The figures are the preset's, and say so; the controls hold the link's settings.
    assert s["shown"]["values"]["edge_of_care_families"] == 0
    assert s["asked"]["values"]["edge_of_care_families"] == 200
    expect(tab.locator("#ex-badge")).to_have_text("Calculating…")
    expect(tab.locator("#ex-notice")).to_contain_text("the figures below are for “Rising looked-after "
                                                      "children”, not for the settings you chose")
    expect(tab.locator("#ex-summary")).to_contain_text(re.compile(r"^Rising looked-after children: in 2027"))
    assert tab.input_value("#n-edge_of_care_families") == "200"
    assert tab.locator("#ex-announce").inner_text() == ""  # the stand-in is never announced
    # Download, Pin and Print wait for the link's own figures, and say so.
    with tab.expect_download(timeout=120_000) as download:
        tab.click("#ex-download")
        expect(tab.locator("#ex-action")).to_contain_text(
            "Preparing the download: waiting for your settings to be calculated")
        assert state(tab)["phase"] == "waiting"
    rows = csv_rows(download.value.path())
    assert ["Figures computed for", "Rising looked-after children, with 3 changed settings"] in rows
    assert setting_value(rows, "edge_of_care_families") == "200"
    expected = cli_run("rising-lac", SETS)
    years = year_block(rows)
    assert [float(r[4]) for r in years] == [r["lac"] for r in expected["rows"]]
    wait_phase(tab, "current")
    expect(tab.locator("#ex-announce")).to_contain_text(
        "Rising looked-after children, with your changes: in 2027")
    assert violations(tab) == []
    assert log.page_errors == []


def test_before_the_page_script_runs_the_figures_say_whose_they_are(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    held: list[Route] = []
    context.route(re.compile(r".*/code-\w+/main\.mjs$"), lambda route: held.append(route))
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        tab.wait_for_function("() => document.documentElement.classList.contains('js')")
        expect(tab.locator("#ex-notice")).to_have_text(
            "These are the figures of the report's “Baseline (ONS population)” scenario, "
            "computed when this site was built. A link to another scenario is shown once the "
            "page has loaded.")
        expect(tab.locator("#ex-badge")).to_have_text("Published scenario")
        expect(tab.locator("#ex-status")).to_contain_text("Loading the explorer")
        tab.wait_for_timeout(200)
        assert held, "the explorer's module should have been asked for"
        for route in held:
            route.continue_()
        wait_phase(tab, "waiting", "banding", "current")
        assert state(tab)["asked"]["scenario"] == "rising-lac"
    finally:
        context.close()


def idle_worker(context: BrowserContext) -> None:
    """A model that never finishes starting: the page stays waiting for as long as a test likes."""
    context.route("**/worker.mjs", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body="// never ready"))


def test_choosing_another_scenario_while_calculating_never_relabels_the_figures(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    idle_worker(context)
    tab = context.new_page()
    watch_invariants(tab)
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "waiting")
        tab.check('input[name="ex-scenario"][value="falling-lac"]')
        s = wait_phase(tab, "waiting")
        assert s["asked"]["scenario"] == "falling-lac"
        assert s["asked"]["values"]["edge_of_care_families"] == 200  # changes kept
        assert s["shown"]["scenario"] == "rising-lac"  # still the figures it had
        expect(tab.locator("#ex-summary")).to_contain_text(re.compile(r"^Rising looked-after children:"))
        expect(tab.locator("#ex-notice")).to_contain_text(
            "Calculating “Falling looked-after children, with 3 changed settings”")
        expect(tab.locator("#ex-inputs-whose")).to_have_text("“Rising looked-after children”")
        # Pin says why it cannot yet; the published scenario, once asked, is shown at once
        tab.click("#ex-pin")
        expect(tab.locator("#ex-action")).to_contain_text("Pinning: waiting for your settings")
        tab.click("#ex-reset-all")
        s = wait_phase(tab, "current")
        assert s["shown"]["scenario"] == "falling-lac"
        expect(tab.locator("#ex-pin")).to_have_attribute("aria-pressed", "true")  # pinned, now
        assert state(tab)["pinned"]["scenario"] == "falling-lac"
        assert violations(tab) == []
    finally:
        context.close()


def test_an_export_or_pin_right_after_a_change_carries_the_new_settings_with_their_figures(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    watch_invariants(tab)
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac")
    wait_phase(tab, "current")
    start_model(tab)
    open_setting(tab, "edge_of_care_families")
    with tab.expect_download(timeout=60_000) as download:
        # the change and the click in one task: no time for the figures to catch up
        tab.evaluate("""() => { const box = document.getElementById('n-edge_of_care_families');
            box.value = '150'; box.dispatchEvent(new Event('input', {bubbles: true}));
            document.getElementById('ex-download').click(); }""")
    rows = csv_rows(download.value.path())
    assert setting_value(rows, "edge_of_care_families") == "150"
    expected = cli_run("rising-lac", {"edge_of_care_families": "150"})
    assert [float(r[4]) for r in year_block(rows)] == [r["lac"] for r in expected["rows"]]
    # Pin, the same way: A is the new settings, with the new settings' figures
    tab.evaluate("""() => { const box = document.getElementById('n-edge_of_care_families');
        box.value = '100'; box.dispatchEvent(new Event('input', {bubbles: true}));
        document.getElementById('ex-pin').click(); }""")
    tab.wait_for_function("() => scenarioExplorer.state().pinned")
    s = state(tab)
    assert s["pinned"]["values"]["edge_of_care_families"] == 100
    pinned_lac = tab.evaluate("() => scenarioExplorer.state().pinned.view.series.lac")
    expected = cli_run("rising-lac", {"edge_of_care_families": "100"}, uncertainty=False)
    assert all(close(a, b["lac"]) for a, b in zip(pinned_lac, expected["rows"], strict=True))
    assert violations(tab) == []
    assert log.page_errors == []


def blocked_webassembly(route: Route) -> None:
    """The worker served with a policy that forbids compiling WebAssembly (as an organisation's
    security policy might)."""
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers,
                                              "content-security-policy": "script-src 'self'"})


def missing(route: Route) -> None:
    route.fulfill(status=404, body="not found")


def check_cannot_start(tab: Page, log: PageLog, reason: str) -> None:
    """The page keeps the link's settings, says it cannot calculate them, and exports nothing
    under them; published scenarios still work."""
    s = wait_phase(tab, "unavailable")
    expect(tab.locator("#ex-status")).to_contain_text("could not start")
    assert reason in s["model"]["reason"], s["model"]
    assert s["asked"]["values"]["uasc"] == 40  # the link's settings are never dropped
    assert tab.input_value("#n-uasc") == "40"
    tab.wait_for_timeout(500)
    assert "uasc=40" in tab.evaluate("location.hash")
    expect(tab.locator("#ex-notice")).to_contain_text(
        "cannot be calculated: the model could not start in this browser")
    expect(tab.locator("#ex-notice")).to_contain_text(
        "The figures below are for “Rising looked-after children”")
    tab.wait_for_timeout(1000)
    expect(tab.locator("#ex-notice")).to_be_visible()  # it stays
    downloads: list[Any] = []
    tab.on("download", lambda d: downloads.append(d))
    tab.click("#ex-download")
    expect(tab.locator("#ex-action")).to_contain_text("Not done: your settings cannot be calculated")
    tab.wait_for_timeout(500)
    assert downloads == []
    tab.click("#ex-copy")
    expect(tab.locator("#ex-action")).to_contain_text("this browser could not calculate them")
    # a published scenario was computed when the site was built: it can still be shown
    tab.click("#ex-reset-all")
    wait_phase(tab, "current")
    expect(tab.locator("#t-presets tbody tr")).to_have_count(7)
    assert log.page_errors == []


def test_when_webassembly_is_blocked_the_link_is_kept_and_nothing_is_mislabelled(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.route("**/worker.mjs", blocked_webassembly)
    tab = context.new_page()
    log = watch(tab, site_url)
    watch_invariants(tab)
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&uasc=40")
        check_cannot_start(tab, log, "WebAssembly")
        assert violations(tab) == []
    finally:
        context.close()


def test_no_frame_of_a_page_with_javascript_says_javascript_is_off(browser: Browser,
                                                                   site_url: str) -> None:
    """From its first frame, the page shows the explorer (provisional, and saying so), never the
    table and message meant for JavaScript switched off, not even until the theme's script runs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.add_init_script("""window.__frames = [];
        (function look() {
          const off = document.querySelector('.explorer .ex-no-js');
          const live = document.querySelector('#ex-headline');
          if (off || live) window.__frames.push({ off: Boolean(off && off.offsetParent),
                                                  live: Boolean(live && live.offsetParent) });
          if (window.__frames.length < 400) requestAnimationFrame(look);
        })();""")
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "current")
        frames = tab.evaluate("window.__frames")
        assert frames, "no frame was seen while the page loaded"
        assert not any(f["off"] for f in frames), frames
        assert frames[-1]["live"]
    finally:
        context.close()


def test_when_the_theme_script_never_comes_the_explorer_still_shows_the_link_itself(
        browser: Browser, site_url: str) -> None:
    """A reader whose browser never gets the theme's script (a dropped connection, a filter) still
    gets the explorer: its controls, its charts and the link's own figures, never the table meant
    for JavaScript switched off, under a status saying the model is running."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r".*/assets/javascripts/bundle\.\w+\.min\.js$"), missing)
    tab = context.new_page()
    watch_invariants(tab)
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        shown = wait_phase(tab, "current")
        assert not tab.evaluate("document.documentElement.classList.contains('js')")  # no theme
        assert shown["shown"]["values"]["edge_of_care_families"] == 200
        expect(tab.locator("#ex-badge")).to_have_text("Your settings")
        expect(tab.locator("#ex-headline")).to_be_visible()
        expect(tab.locator("#ex-download")).to_be_visible()
        expect(tab.locator("#ex-settings")).to_be_visible()
        assert tab.input_value("#n-edge_of_care_families") == "200"
        expect(tab.locator(".explorer .ex-no-js")).to_be_hidden()
        expect(tab.locator(".explorer .ex-no-js-only")).to_be_hidden()
        tab.wait_for_function("() => scenarioExplorer.timings.chartsDrawn", timeout=30_000)
        expect(tab.locator(".ex-chart-grid")).to_be_visible()
        expected = cli_run("rising-lac", SETS)
        assert [r[3] for r in table(tab, "years")] == [presenter.count(r["lac"]) for r in expected["rows"]]
        assert violations(tab) == []
    finally:
        context.close()


def test_when_a_file_the_model_needs_is_missing_the_link_is_kept_and_nothing_is_mislabelled(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.route(re.compile(r".*/thurrock_model-.*\.whl$"), missing)
    tab = context.new_page()
    log = watch(tab, site_url)
    watch_invariants(tab)
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&uasc=40")
        check_cannot_start(tab, log, "")
        assert violations(tab) == []
    finally:
        context.close()


def test_compare_sets_a_against_b_in_the_same_year_and_a_travels_in_the_link_and_csv(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    watch_invariants(tab)
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&end_year=2030"
                 "&a.scenario=rising-lac&a.edge_of_care_families=200")
        wait_phase(tab, "current")
        tab.wait_for_function("() => scenarioExplorer.state().pinned", timeout=60_000)
        expect(tab.locator("#ex-compare")).to_be_visible()
        expect(tab.locator("#ex-compare-note")).to_have_text(
            "Figures for 2030: scenario A's forecast ends in 2037 and B's in 2030, so both are "
            "compared in 2030.")
        first = tab.locator("#ex-compare-table tbody tr").first
        expect(first.locator("th")).to_have_text("Looked-after children in 2030")
        a = cli_run("rising-lac", {"edge_of_care_families": "200"}, uncertainty=False)
        b = cli_run("rising-lac", {"end_year": "2030"}, uncertainty=False)
        a2030 = next(r for r in a["rows"] if r["year"] == 2030)
        b2030 = b["rows"][-1]
        cells = first.locator("td").all_inner_texts()
        assert cells[:2] == [presenter.count(a2030["lac"]), presenter.count(b2030["lac"])]
        expect(tab.locator("#ex-compare-inputs")).to_contain_text("Last year of the forecast: A 2037, B 2030")
        # A is in the link copied, and in the CSV
        tab.click("#ex-copy")
        expect(tab.locator("#ex-action")).to_contain_text("Link copied.")
        copied = tab.evaluate("navigator.clipboard.readText()")
        assert "a.scenario=rising-lac&a.edge_of_care_families=200" in copied
        with tab.expect_download(timeout=60_000) as download:
            tab.click("#ex-download")
        rows = csv_rows(download.value.path())
        a_block = rows.index(["Scenario A (pinned)"])
        assert setting_value(rows, "edge_of_care_families", after=a_block) == "200"
        assert setting_value(rows, "end_year") == "2030"
        assert len(year_block(rows)) == 14 and len(year_block(rows, after=a_block)) == 21
        assert download.value.suggested_filename == "thurrock-lac-rising-lac-compared.csv"
        assert violations(tab) == []
    finally:
        context.close()


def test_the_settings_table_is_what_the_figures_were_computed_with(
        browser: Browser, site_url: str) -> None:
    """While the asked settings are being calculated, the table of settings under the figures
    lists the settings of the figures on screen, not the controls' values."""
    context = browser.new_context()
    idle_worker(context)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=falling-lac&uasc=40")
        wait_phase(tab, "waiting")
        tab.evaluate("document.getElementById('ex-inputs').open = true")
        row = tab.locator("#ex-inputs-table tbody tr",
                          has=tab.locator("th", has_text=re.compile("^Unaccompanied")))
        assert row.locator("td").first.inner_text() == "38"
        assert tab.input_value("#n-uasc") == "40"
        assert table(tab, "years")[0][3] != ""
    finally:
        context.close()
