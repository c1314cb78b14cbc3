"""The scenario explorer on the site's page, in a real browser: shared links, controls, hostile
links, nothing from elsewhere, JavaScript off, and old links."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote

from playwright.sync_api import Browser, Page, expect

from explorer.py import explorer_presenter as presenter
from tests.support.browser import PageLog
from tests.support.explorer import (
    PAGE,
    cli_run,
    close,
    open_setting,
    plotted,
    record_renders,
    start_model,
    state,
    table,
    wait_phase,
    wait_render,
)


def test_a_shared_link_shows_exactly_what_the_command_line_computes(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    sets = {"edge_of_care_families": "200", "cost_per_week": "1100", "pause_women": "15"}
    fragment = "scenario=rising-lac&" + "&".join(f"{k}={v}" for k, v in sets.items())
    tab.goto(f"{site_url}{PAGE}#{fragment}")
    wait_phase(tab, "current")
    expected = cli_run("rising-lac", sets)

    rows = table(tab, "years")
    assert len(rows) == len(expected["rows"])
    for shown, row in zip(rows, expected["rows"], strict=True):
        assert shown[0] == str(row["year"])
        assert shown[3] == presenter.count(row["lac"])
        assert shown[6] == presenter.money_m(row["total_cost"])
        assert shown[5] == f"{presenter.count(row['lac_low'])} to {presenter.count(row['lac_high'])}"
    assert all(close(a, b["lac"]) for a, b in zip(plotted(tab, "lac"), expected["rows"], strict=True))
    # the controls show the link's values; the address keeps them; nothing was refused
    assert tab.input_value("#n-edge_of_care_families") == "200"
    assert tab.is_checked('input[name="ex-scenario"][value="rising-lac"]')
    assert dict(parse_qsl(tab.evaluate("location.hash")[1:])) == dict(parse_qsl(fragment))
    expect(tab.locator("#ex-problems")).to_be_hidden()
    expect(tab.locator("#ex-badge")).to_have_text("Your settings")
    expect(tab.locator("#ex-notice")).to_be_hidden()
    assert log.page_errors == [] and log.console_errors == []


def test_a_shared_link_with_choices_shows_what_the_command_line_computes(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    sets = {"rate_path": "to-target", "target_rate": "60", "years_to_target": "4",
            "population_projection": "ons", "non_placement_costs": "constant"}
    fragment = "scenario=population-growth-only&" + "&".join(f"{k}={v}" for k, v in sets.items())
    tab.goto(f"{site_url}{PAGE}#{fragment}")
    wait_phase(tab, "current")
    expected = cli_run("population-growth-only", sets)
    assert expected["rows"][4]["non_uasc_rate"] == 60  # the CLI did take the choices
    rows = table(tab, "years")
    for shown, row in zip(rows, expected["rows"], strict=True):
        assert shown[1] == presenter.count(row["child_population"])
        assert shown[3] == presenter.count(row["lac"])
        assert shown[6] == presenter.money_m(row["total_cost"])
    for name, value in sets.items():
        if name in ("target_rate", "years_to_target"):
            assert tab.input_value(f"#n-{name}") == value
        else:
            assert tab.is_checked(f"#o-{name}-{value}"), name
            expect(tab.locator(f"#c-{name}")).to_have_class(re.compile(r"\bex-changed\b"))
    expect(tab.locator("#c-target_rate .ex-not-used")).to_be_hidden()  # the path reads it
    assert re.search(r"costing £\d+(\.\d)? million a year", tab.inner_text("#ex-summary"))
    assert log.page_errors == [] and log.console_errors == []


def test_a_link_can_start_the_forecast_from_a_later_count(page: tuple[Page, PageLog],
                                                         site_url: str) -> None:
    """Re-basing on July 2022's count (285) is a setting like any other: in the link, in the
    controls, and computed as the command line computes it."""
    tab, log = page
    sets = {"start_from": "observed", "observed_year": "2022", "observed_lac": "285"}
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&" + "&".join(f"{k}={v}" for k, v in sets.items()))
    wait_phase(tab, "current")
    expected = cli_run("rising-lac", sets)
    assert [r[3] for r in table(tab, "years")] == [presenter.count(r["lac"]) for r in expected["rows"]]
    expect(tab.locator("#ex-summary")).to_contain_text("starting from 285 children in care in 2022")
    assert tab.is_checked("#o-start_from-observed")
    assert tab.input_value("#n-observed_year") == "2022"
    expect(tab.locator("#c-observed_year .ex-not-used")).to_be_hidden()
    expect(tab.locator("#t-change caption")).to_contain_text("since 2022, from 285 children")
    assert log.page_errors == []


def test_a_choice_moves_with_the_keyboard_and_is_announced(page: tuple[Page, PageLog],
                                                           site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac")
    wait_phase(tab, "current")
    start_model(tab)
    before = table(tab, "years")
    expect(tab.locator("#c-target_rate .ex-not-used")).to_be_visible()  # the trend does not read it
    group = tab.get_by_role("group", name=re.compile("How the rate of children in care"))
    expect(group.get_by_role("radio")).to_have_count(3)
    tab.focus("#o-rate_path-rising-trend")
    tab.keyboard.press("ArrowDown")  # a radio group: arrow keys choose the next option
    wait_render(tab, "control")
    assert tab.is_checked("#o-rate_path-to-target")
    tab.wait_for_function("() => location.hash.includes('rate_path=to-target')")
    expected = cli_run("rising-lac", {"rate_path": "to-target"}, uncertainty=False)
    after = table(tab, "years")
    assert after != before
    assert [r[3] for r in after] == [presenter.count(r["lac"]) for r in expected["rows"]]
    expect(tab.locator("#ex-announce")).to_contain_text(
        "Rising looked-after children, with your changes: in 2027")
    tab.click("#c-rate_path .ex-reset")
    wait_phase(tab, "current")
    assert tab.is_checked("#o-rate_path-rising-trend")
    expect(tab.locator("#ex-announce")).to_contain_text("Rising looked-after children: in 2027")
    tab.wait_for_function("() => !location.hash.includes('rate_path')")
    assert log.page_errors == [] and log.console_errors == []


def test_moving_a_control_repaints_the_chart_and_the_tables(page: tuple[Page, PageLog],
                                                            site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{PAGE}")
    wait_phase(tab, "current")
    before_rows, before_lac = table(tab, "years"), plotted(tab, "lac")
    open_setting(tab, "edge_of_care_families")
    tab.fill("#n-edge_of_care_families", "300")  # typing fires "input", as a reader's keys do
    wait_render(tab, "control")
    wait_phase(tab, "current", "banding")
    after_rows = table(tab, "years")
    assert after_rows != before_rows
    assert after_rows[-1][3] == presenter.count(
        cli_run("baseline-ons", {"edge_of_care_families": "300"}, False)["rows"][-1]["lac"])
    assert plotted(tab, "lac")[-1] < before_lac[-1] - 40  # 48 children a year kept out of care
    assert tab.input_value("#r-edge_of_care_families") == "300"  # the slider follows the box
    expect(tab.locator("#t-programmes tbody tr")).to_have_count(1)
    tab.wait_for_function("() => location.hash.includes('edge_of_care_families=300')")

    # the keyboard moves a slider too: arrow keys step it, and the result follows
    tab.focus("#r-uasc")
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => location.hash.includes('uasc=39')")
    assert tab.input_value("#n-uasc") == "39"

    # a number out of range is explained beside the box and not used; leaving the box puts back
    # the value in use
    tab.fill("#n-uasc", "-5")
    expect(tab.locator("#e-uasc")).to_contain_text("it must be a number between 0 and 200")
    expect(tab.locator("#n-uasc")).to_have_attribute("aria-invalid", "true")
    tab.wait_for_timeout(400)
    assert state(tab)["asked"]["values"]["uasc"] == 39
    tab.locator("#n-uasc").blur()
    assert tab.input_value("#n-uasc") == "39"
    # a year must be whole, and is written as a year
    open_setting(tab, "end_year")
    tab.fill("#n-end_year", "2030.5")
    expect(tab.locator("#e-end_year")).to_contain_text("a whole number between 2027 and 2037")
    assert "2,037" not in tab.inner_text("#explorer")
    assert log.page_errors == [] and log.console_errors == []


# ------------------------------------------------------------------------------ hostile links
HOSTILE = [
    # (fragment, words the message must contain)
    ("uasc=abc", "“abc” in the link is not a number"),
    ("uasc=NaN", "is not a number"),
    ("uasc=-5", "is outside the range"),
    ("uasc=1e400", "is too large"),
    ("uasc=0x10", "is not a number"),
    ("uasc=%D9%A4%D9%A0", "is not a number"),  # Arabic-Indic digits: the model refuses them too
    ("not_a_setting=1", "“not_a_setting” in the link is not a setting of the model"),
    ("uasc=" + quote("<script>window.__pwned=1</script>"), "is not a number"),
    ("uasc=" + quote('"><img src=x onerror="window.__pwned=1">'), "is not a number"),
    (quote("<img src=x onerror=window.__pwned=1>") + "=1", "is not a setting of the model"),
    ("scenario=" + quote("<svg onload=window.__pwned=1>"), "is not one of the report's four"),
    ("rate_path=" + quote("<img src=x onerror=window.__pwned=1>"), "is not one of its options"),
    ("end_year=2030.5", "“2030.5” in the link is not a whole number"),
    ("uasc=4&uasc=150", "“uasc” is in the link more than once"),
    (quote("\u202eevil sentence that goes on and on and on and on") + "=1", "“evil sentence that"),
]


def test_hostile_links_keep_good_values_reset_bad_ones_say_so_and_run_nothing(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    # Nothing here needs the model: a worker that never starts spares 15 starts of Pyodide.
    tab.route("**/worker.mjs", lambda route: route.fulfill(
        status=200, content_type="text/javascript", body="// idle"))
    for fragment, why in HOSTILE:
        tab.goto("about:blank")
        start = "pause_women=15" if fragment.startswith("scenario=") else \
            "scenario=falling-lac&pause_women=15"
        tab.goto(f"{site_url}{PAGE}#{start}&{fragment}")
        problems = tab.locator("#ex-problems")
        expect(problems).to_be_visible()
        message = problems.inner_text()
        assert why in message, (fragment, message)
        assert "\u202e" not in message and len(message) < 600, message  # cleaned and shortened
        assert tab.input_value("#n-pause_women") == "15", fragment  # the good value is kept
        if fragment.startswith("uasc=4&"):
            assert tab.input_value("#n-uasc") == "4"  # a repeated name: its first value, only
        elif fragment.startswith("uasc="):
            assert tab.input_value("#n-uasc") == "38", fragment  # the bad one is reset
        assert tab.evaluate("window.__pwned") is None, fragment
        assert tab.locator("#ex-problems img, #ex-problems svg, #ex-problems script").count() == 0
    # a link changed in the address bar is read again, and checked the same way
    tab.evaluate("location.hash = 'scenario=rising-lac&uasc=%3Cb%3Ebold%3C%2Fb%3E&pause_women=9'")
    expect(tab.locator("#ex-problems")).to_contain_text("<b>bold</b>")  # text, not markup
    expect(tab.locator("#n-pause_women")).to_have_value("9")
    # the reader fixes the value: that message goes, and with it the alert
    tab.evaluate("document.getElementById('c-uasc').closest('details').open = true")
    tab.fill("#n-uasc", "40")
    expect(tab.locator("#ex-problems")).to_be_hidden()
    # an unknown name cannot be fixed: its message stays until dismissed
    tab.evaluate("location.hash = 'scenario=rising-lac&junk=1'")
    expect(tab.locator("#ex-problems")).to_be_visible()
    tab.click("#ex-problems-dismiss")
    expect(tab.locator("#ex-problems")).to_be_hidden()
    assert dialogs == [] and log.page_errors == []


def test_a_link_cut_short_never_changes_a_value(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    padding = "a" * 3970
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&pad={padding}&uasc=150")
    expect(tab.locator("#ex-problems")).to_contain_text(
        "The link is longer than 4,000 characters, so its last setting was not read.")
    assert state(tab)["asked"]["values"]["uasc"] == 38  # never 1, 15 or 150


# ------------------------------------------------------------------------------ offline, no JS
def test_the_explorer_loads_nothing_from_another_origin(page: tuple[Page, PageLog],
                                                         site_url: str) -> None:
    tab, log = page
    record_renders(tab)
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&parenting_places=135")
    wait_phase(tab, "current")
    open_setting(tab, "dv_victim_places")
    tab.fill("#n-dv_victim_places", "60")
    wait_render(tab, "control")
    assert any(url.endswith("pyodide.asm.wasm") for url in log.requests)  # the worker's too
    assert any(re.search(r"thurrock_model-.*\.whl$", url) for url in log.requests)
    assert log.foreign_requests() == []
    assert log.console_errors == [] and log.page_errors == []


def test_with_javascript_off_the_published_scenarios_are_a_table(browser: Browser,
                                                                 site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}")
        expect(tab.locator("#t-presets-static tbody tr")).to_have_count(7)  # 4, and 3 published
        expect(tab.locator("#t-presets-static")).to_contain_text("Rising looked-after children")
        expect(tab.locator("#ex-settings")).to_be_hidden()
        expect(tab.locator(".ex-toolbar")).to_be_hidden()
        expect(tab.locator("#ex-status")).to_contain_text("JavaScript is off")
    finally:
        context.close()


def test_a_link_to_where_the_explorer_used_to_be_opens_the_same_scenario(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    tab.goto(f"{site_url}explorer/app/#scenario=falling-lac&uasc=40")
    tab.wait_for_url(re.compile(r"/explorer/#scenario=falling-lac&uasc=40$"))
    assert wait_phase(tab, "current", "banding", "waiting")["asked"]["values"]["uasc"] == 40
