"""The explorer as part of the site's page: instant navigation (one model per visit, no leaks),
the skip link and permalinks, printing, dark mode, tablets and phones, keyboard and touch."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.axe import WCAG_22_AA, serious_violations
from tests.support.browser import PageLog, watch
from tests.support.explorer import (
    PAGE,
    SCENARIO_PIXEL_JS,
    SCREENSHOTS,
    open_setting,
    start_model,
    state,
    violations,
    wait_phase,
    watch_invariants,
)

LINK = "scenario=rising-lac&edge_of_care_families=200"


def listeners(tab: Page, target: str) -> dict[str, int]:
    """Event listeners on window or document, by type (Chromium's own count)."""
    session = tab.context.new_cdp_session(tab)
    handle = session.send("Runtime.evaluate", {"expression": target})["result"]["objectId"]
    found = session.send("DOMDebugger.getEventListeners", {"objectId": handle})["listeners"]
    session.detach()
    counts: dict[str, int] = {}
    for item in found:
        counts[item["type"]] = counts.get(item["type"], 0) + 1
    return counts


def heap_after_gc(tab: Page) -> float:
    session = tab.context.new_cdp_session(tab)
    session.send("HeapProfiler.collectGarbage")
    used: float = session.send("Runtime.getHeapUsage")["usedSize"]
    session.detach()
    return used


def go(tab: Page, name: str, url: re.Pattern[str]) -> None:
    tab.get_by_role("link", name=name, exact=True).first.click()
    tab.wait_for_url(url)


def test_one_model_per_visit_and_the_scenario_kept_across_instant_navigation(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    watch_invariants(tab)
    tab.goto(f"{site_url}indicators/")
    tab.evaluate("window.__noReload = true")
    tab.get_by_role("link", name="Looked-after children (number)").first.click()
    expect(tab.locator(".bokeh-chart canvas").first).to_be_attached(timeout=20_000)
    go(tab, "Scenario explorer", re.compile(r"/explorer/$"))
    wait_phase(tab, "current")
    start_model(tab)
    open_setting(tab, "edge_of_care_families")
    tab.fill("#n-edge_of_care_families", "150")
    wait_phase(tab, "current")
    tab.wait_for_function("() => location.hash.includes('edge_of_care_families=150')")

    # Away and back, repeatedly, without a full load: the scenario is there at once, the model
    # is not started again, and nothing is left behind.
    window_before = listeners(tab, "window")
    document_before = listeners(tab, "document")
    heap_before = heap_after_gc(tab)
    for _ in range(8):
        go(tab, "Home", re.compile(r"/$"))
        expect(tab.locator("#explorer")).to_have_count(0)
        tab.wait_for_timeout(100)
        go(tab, "Scenario explorer", re.compile(r"/explorer/"))
        s = wait_phase(tab, "current", timeout=5_000)
        assert s["asked"]["values"]["edge_of_care_families"] == 150
        expect(tab.locator("#n-edge_of_care_families")).to_have_value("150")
        tab.wait_for_function("() => location.hash.includes('edge_of_care_families=150')")
    assert tab.evaluate("window.__noReload") is True, "expected instant navigation, not loads"
    assert tab.locator("#explorer").count() == 1
    assert tab.evaluate("Bokeh.documents.length") == 2  # the indicator page's chart, and ours
    assert listeners(tab, "window") == window_before
    assert listeners(tab, "document") == document_before
    assert heap_after_gc(tab) < heap_before + 4e6, "the heap grows with every visit"
    # Each file once: the worker and Pyodide per visit (asked for once), BokehJS shared with the
    # indicator page. (The page's preloads may ask the server whether a file changed, and get
    # "304 Not Modified": a few hundred bytes, not the file.)
    for pattern in (r"/worker\.mjs$", r"/pyodide\.asm\.wasm$", r"\.whl$"):
        assert len([u for u in log.requests if re.search(pattern, u)]) == 1, pattern
    for name in ("bokeh.min.js", "data.json"):
        transferred = tab.evaluate("""name => performance.getEntriesByType('resource')
            .filter(e => e.name.includes(name) && e.transferSize > 10000).length""", name)
        assert transferred == 1, name
    returned = tab.evaluate("scenarioExplorer.timings.returned")
    assert returned is not None
    assert violations(tab) == []
    assert log.page_errors == [] and log.console_errors == []


# The scenario's line (Okabe-Ito blue) on each chart's canvas, and each chart's width against its
# place on the page: what the reader sees of the charts.
CHARTS_AS_DRAWN = """() => {
  const blue = SCENARIO_PIXEL;
  const canvases = (root, out) => { for (const el of root.querySelectorAll("*")) {
    if (el.tagName === "CANVAS" && el.width >= 50 && el.height >= 50) out.push(el);
    if (el.shadowRoot) canvases(el.shadowRoot, out); } return out; };
  return [...document.querySelectorAll("#explorer .ex-chart")].map((slot) => {
    const found = canvases(slot, []);
    let line = 0;
    for (const c of found) {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) if (blue(d, i)) line += 1;
    }
    return { line, width: Math.round(Math.max(0, ...found.map((c) => c.getBoundingClientRect().width))),
             slot: Math.round(slot.getBoundingClientRect().width) };
  });
}""".replace("SCENARIO_PIXEL", SCENARIO_PIXEL_JS)


def charts_as_drawn(tab: Page) -> list[dict[str, int]]:
    drawn: list[dict[str, int]] = tab.evaluate(CHARTS_AS_DRAWN)
    return drawn


def test_coming_back_within_a_visit_puts_the_scenario_back_once(page: tuple[Page, PageLog],
                                                               site_url: str) -> None:
    """The theme runs the page's scripts again as it swaps the page in, and the site's script
    mounts the explorer too: the explorer goes back on the page once, says once that it shows
    the scenario, and says nothing while the reader is elsewhere."""
    tab, log = page
    tab.goto(f"{site_url}{PAGE}#{LINK}")
    wait_phase(tab, "current", "banding")
    tab.evaluate("""() => { window.__renders = [];
        document.addEventListener('explorer:render', (e) => window.__renders.push(
            [location.pathname.endsWith('/explorer/') ? 'on the page' : 'elsewhere', e.detail.key]));
    }""")
    go(tab, "Home", re.compile(r"/$"))
    tab.wait_for_timeout(1500)  # longer than a render waits for the charts to repaint
    away = tab.evaluate("window.__renders.splice(0)")
    go(tab, "Scenario explorer", re.compile(r"/explorer/"))
    wait_phase(tab, "current", "banding")
    first = tab.evaluate("scenarioExplorer.timings.returned")
    tab.wait_for_timeout(1500)  # the page's own scripts, run again, have had their turn
    back = tab.evaluate("window.__renders")
    assert [where for where, _ in away] == [], away
    assert [where for where, _ in back] == ["on the page"], back
    assert tab.evaluate("scenarioExplorer.timings.returned") == first  # not put back twice
    charts = charts_as_drawn(tab)  # BokehJS was told nothing while away: still drawn, in place
    assert len(charts) == 2 and all(c["line"] > 150 for c in charts), charts
    assert all(abs(c["width"] - c["slot"]) <= 2 for c in charts), charts
    assert log.page_errors == []


def test_charts_resized_while_the_reader_was_away_are_laid_out_again_on_return(
        page: tuple[Page, PageLog], site_url: str) -> None:
    """A tablet turned, or a window narrowed, on another page of the site: back on the explorer,
    each chart fills its place at the new width, its line drawn."""
    tab, log = page
    tab.goto(f"{site_url}{PAGE}#{LINK}")
    wait_phase(tab, "current", "banding")
    before = charts_as_drawn(tab)
    go(tab, "Home", re.compile(r"/$"))
    tab.set_viewport_size({"width": 1024, "height": 768})
    tab.wait_for_timeout(300)
    tab.go_back()
    wait_phase(tab, "current", "banding")
    tab.wait_for_function(f"""() => ({CHARTS_AS_DRAWN})().every(
        (c) => Math.abs(c.width - c.slot) <= 2 && c.line > 150)""", timeout=5_000)
    after = charts_as_drawn(tab)
    assert len(after) == 2 and [c["width"] for c in after] != [c["width"] for c in before], \
        (before, after)
    assert log.page_errors == []


def test_a_link_from_another_page_opens_its_own_scenario_in_the_same_visit(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    tab.goto(f"{site_url}{PAGE}#{LINK}")
    wait_phase(tab, "current")
    tab.goto(f"{site_url}")  # a full load: a new visit, and a link to another scenario
    tab.goto(f"{site_url}{PAGE}#scenario=falling-lac&uasc=40")
    s = wait_phase(tab, "current", "banding")
    assert s["asked"]["scenario"] == "falling-lac" and s["asked"]["values"]["uasc"] == 40


def test_the_skip_link_and_the_permalinks_keep_the_scenario(page: tuple[Page, PageLog],
                                                            site_url: str) -> None:
    tab, log = page
    tab.goto(f"{site_url}{PAGE}#{LINK}")
    wait_phase(tab, "current", "banding")
    tab.wait_for_timeout(400)  # the address is written once the state settles
    # The first Tab stop is the site's skip link; following it moves focus to the content and
    # leaves the scenario in the address.
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.className")
    assert "md-skip" in focused, focused
    assert "scenario=rising-lac" in tab.evaluate("document.activeElement.getAttribute('href')")
    tab.keyboard.press("Enter")
    tab.wait_for_timeout(300)
    assert tab.evaluate("document.activeElement.id") == "scenario-explorer"
    assert "edge_of_care_families=200" in tab.evaluate("location.hash")
    assert state(tab)["asked"]["values"]["edge_of_care_families"] == 200
    # A heading's permalink carries the scenario, and following it keeps it.
    permalink = tab.locator("#about-these-figures a.headerlink")
    href = permalink.get_attribute("href") or ""
    assert "edge_of_care_families=200" in href and "at=about-these-figures" in href
    permalink.click()
    tab.wait_for_timeout(300)
    assert "edge_of_care_families=200" in tab.evaluate("location.hash")
    assert "at=about-these-figures" in tab.evaluate("location.hash")
    # A copied permalink opens on the same scenario, at the same heading.
    url = tab.url
    tab.goto("about:blank")
    tab.goto(url)
    wait_phase(tab, "current", "banding")
    tab.wait_for_function("""() => { const r = document.getElementById('about-these-figures')
        .getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }""")
    assert state(tab)["asked"]["values"]["edge_of_care_families"] == 200
    assert log.page_errors == []


def test_printing_the_page_prints_the_whole_scenario(page: tuple[Page, PageLog],
                                                     site_url: str) -> None:
    tab, log = page
    tab.goto(f"{site_url}{PAGE}#{LINK}&rate_path=to-target&a.scenario=falling-lac")
    wait_phase(tab, "current")
    tab.wait_for_function("() => scenarioExplorer.state().pinned")
    tab.set_viewport_size({"width": 718, "height": 1000})  # A4's printed width, 96 px an inch
    tab.emulate_media(media="print")
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    for visible in ("#ex-summary", ".ex-chart-grid", "#t-change", "#t-programmes", "#t-years",
                    "#t-proposals", "#ex-inputs-table", "#ex-compare-table"):
        expect(tab.locator(visible)).to_be_visible()
    expect(tab.locator("#t-years tbody tr")).to_have_count(21)
    expect(tab.locator("#ex-inputs-table")).to_contain_text("Moves to a target rate")
    for hidden in ("#ex-settings", ".ex-toolbar", ".md-header", ".md-sidebar", "#t-presets"):
        expect(tab.locator(hidden).first).to_be_hidden()
    # nothing wider than the paper: no table, no column cut at the right edge
    wide = tab.evaluate("""() => { const right = document.querySelector('#explorer')
        .getBoundingClientRect().right + 1;
        return [...document.querySelectorAll('#explorer table')].filter(t => t.offsetParent &&
            (t.getBoundingClientRect().right > right || t.scrollWidth > t.clientWidth + 1))
            .map(t => t.id); }""")
    assert wide == []
    tab.evaluate("window.dispatchEvent(new Event('afterprint'))")
    tab.emulate_media(media="screen")
    expect(tab.locator("#ex-years")).not_to_have_attribute("open", "")  # folded again after
    pdf = tab.pdf(format="A4")  # Chromium's own printing, as a reader's Print does
    assert len(pdf) > 50_000
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "explorer-print.pdf").write_bytes(pdf)
    assert log.page_errors == []


def test_in_dark_mode_the_explorer_and_its_charts_take_the_sites_colours(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "current")
        tab.wait_for_function("() => window.Bokeh && Bokeh.documents.length")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
        colours = tab.evaluate("""() => { const d = Bokeh.documents.at(-1);
            const named = n => [...d.all_models].find(m => m.name === n);
            const value = c => (c && typeof c === 'object' ? c.value : c);
            return [named('ex-axis').major_label_text_color,
                    value(named('ex-scenario-line').glyph.line_color),
                    getComputedStyle(document.querySelector('.explorer')).getPropertyValue('--ex-scenario').trim(),
                    getComputedStyle(document.querySelector('.ex-settings')).color]; }""")
        assert colours[:3] == ["#e2e4e9", "#56B4E9", "#56B4E9"]
        # the reader switches to light, and back: the charts follow
        toggle = tab.locator("label.md-header__button[for^='__palette']:visible")
        axis = """c => [...Bokeh.documents.at(-1).all_models]
            .find(m => m.name === 'ex-axis').major_label_text_color === c"""
        toggle.click()
        tab.wait_for_function(axis, arg="#1f2328")
        toggle.click()
        tab.wait_for_function(axis, arg="#e2e4e9")
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "explorer-dark.png"))
        found = serious_violations(tab, WCAG_22_AA)
        assert found == [], found
    finally:
        context.close()


def scrollers(tab: Page) -> list[str]:
    """Elements that scroll vertically inside the page (the page itself excepted)."""
    found: list[str] = tab.evaluate("""() => [...document.querySelectorAll('body *')].filter(el => {
        const s = getComputedStyle(el);
        return /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1 &&
               el.offsetParent !== null && !el.closest('.md-sidebar, .md-search, .md-nav');
    }).map(el => el.tagName + '.' + el.className)""")
    return found


def test_on_a_tablet_the_page_scrolls_as_one_and_nothing_spills_sideways(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "current")
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
        assert scrollers(tab) == []
        # six swipes up the screen, over the explorer, move the page itself
        session = context.new_cdp_session(tab)
        start = tab.evaluate("scrollY")
        for _ in range(6):
            session.send("Input.dispatchTouchEvent", {"type": "touchStart",
                                                      "touchPoints": [{"x": 380, "y": 800}]})
            for step in range(1, 11):
                session.send("Input.dispatchTouchEvent", {
                    "type": "touchMove", "touchPoints": [{"x": 380, "y": 800 - 40 * step}]})
            session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        tab.wait_for_timeout(500)
        assert tab.evaluate("scrollY") > start + 1500
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "explorer-tablet.png"))
    finally:
        context.close()


def test_on_a_phone_the_full_screen_view_is_the_same_page_without_the_sites_navigation(
        browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True,
                                  is_mobile=True, device_scale_factor=3)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "current")
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
        tab.click("#ex-full")
        expect(tab.locator(".md-header")).to_be_hidden()
        expect(tab.locator("h1#scenario-explorer")).to_be_hidden()
        expect(tab.locator("#ex-full")).to_have_attribute("aria-pressed", "true")
        tab.wait_for_function("() => location.hash.includes('view=full')")
        url = tab.url
        tab.keyboard.press("Escape")
        expect(tab.locator(".md-header")).to_be_visible()
        tab.goto("about:blank")
        tab.goto(url)  # the view travels in the link
        wait_phase(tab, "current")
        expect(tab.locator(".md-header")).to_be_hidden()
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
        SCREENSHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "explorer-phone-full.png"))
    finally:
        context.close()


def contrast(a: list[float], b: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        def channel(c: float) -> float:
            c = c / 255
            return c / 12.92 if c <= 0.03928 else float(((c + 0.055) / 1.055) ** 2.4)
        r, g, b_ = (channel(c) for c in rgb[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


FOCUS = """() => {
  const el = document.activeElement;
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  let bg = null;
  for (let n = el.parentElement; n && !bg; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (rgb(c).length === 3 || (rgb(c)[3] ?? 1) > 0.9) bg = rgb(c);
  }
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  // what is stuck to the top of the screen now, and overlaps the focused element
  const hidden = [...document.querySelectorAll('.md-header, .ex-headline')].filter(x => {
    const s = getComputedStyle(x);
    if (!/sticky|fixed/.test(s.position) || x.offsetParent === null) return false;
    const b = x.getBoundingClientRect();
    const stuck = Math.abs(b.top - (parseFloat(s.top) || 0)) < 1;
    return stuck && r.top < b.bottom - 1 && r.bottom > b.top + 1;
  }).map(x => x.className);
  const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent)
    || el.textContent || el.getAttribute('title') || '';
  return { tag: el.tagName, id: el.id, cls: el.className, inExplorer: Boolean(el.closest('#explorer')),
           inChart: Boolean(el.closest('.ex-chart')), name: label.trim(),
           outline: s.outlineStyle !== 'none' ? rgb(s.outlineColor) : null, width: parseFloat(s.outlineWidth),
           background: bg || [255, 255, 255], height: r.height, hidden };
}"""


@pytest.mark.parametrize(("width", "height", "scheme"), [(390, 844, "light"), (1280, 900, "dark")])
def test_every_tab_stop_is_named_visibly_focused_and_never_hidden_under_the_headline(
        browser: Browser, site_url: str, width: int, height: int, scheme: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  color_scheme=scheme)  # type: ignore[arg-type]
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#{LINK}")
        wait_phase(tab, "current")
        tab.evaluate("for (const d of document.querySelectorAll('#explorer details')) d.open = true")
        problems: list[Any] = []
        seen = 0
        tab.focus("#ex-copy")
        for _ in range(400):
            tab.keyboard.press("Tab")
            f = tab.evaluate(FOCUS)
            if not f["inExplorer"]:
                break
            seen += 1
            where = f"{f['tag']}#{f['id']}.{f['cls']}"
            if f["inChart"]:
                problems.append(f"a chart takes focus: {where}")
            if not f["name"]:
                problems.append(f"no name: {where}")
            if not f["outline"] or f["width"] < 2 or contrast(f["outline"], f["background"]) < 3:
                problems.append(f"focus not visible at 3:1: {where} {f['outline']} on {f['background']}")
            if f["hidden"]:
                problems.append(f"(partly) under {f['hidden']}: {where}")
            if f["height"] < 24 and f["tag"] in ("BUTTON", "INPUT", "SUMMARY"):
                problems.append(f"target under 24 px: {where} {f['height']}")
        assert seen > 60, "tabbing should go through every control of the explorer"
        assert problems == [], "\n".join(problems[:20])
    finally:
        context.close()


def test_the_working_explorer_passes_axe_at_wcag_2_2(page: tuple[Page, PageLog],
                                                     site_url: str) -> None:
    tab, _ = page
    tab.goto(f"{site_url}{PAGE}#scenario=rising-lac&uasc=oops&edge_of_care_families=200")
    wait_phase(tab, "current")
    tab.click("#ex-pin")
    tab.wait_for_function("() => scenarioExplorer.state().pinned")
    for details in tab.locator("#explorer details").all():
        details.evaluate("d => d.open = true")
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "explorer.png"), full_page=True)
    found = serious_violations(tab, WCAG_22_AA)
    assert found == [], found


def test_the_page_loads_nothing_twice_and_nothing_from_elsewhere(browser: Browser,
                                                                site_url: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    log = watch(tab, site_url)
    try:
        tab.goto(f"{site_url}{PAGE}")
        wait_phase(tab, "current")
        start_model(tab)
        assert log.foreign_requests() == []
        counted: dict[str, int] = {}
        for url in log.requests:
            counted[url] = counted.get(url, 0) + 1
        assert {u: n for u, n in counted.items() if n > 1} == {}
        assert "BEGIN bokeh" not in tab.content()  # BokehJS is a file, never inlined
        assert tab.locator("#explorer script:not([src])").count() == 0  # no inline script
    finally:
        context.close()


def test_a_reader_who_only_reads_never_downloads_the_model(browser: Browser, site_url: str) -> None:
    """Pyodide is 3.9 MB gzipped: the page loads it when a setting is about to change, or a link needs
    it, and not for the published scenarios, which were computed when the site was built."""
    context = browser.new_context()
    tab = context.new_page()
    log = watch(tab, site_url)
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=falling-lac")
        wait_phase(tab, "current")
        tab.wait_for_load_state("networkidle")
        tab.click('input[name="ex-scenario"][value="rising-lac"]')  # the published ones work
        wait_phase(tab, "current")
        tab.wait_for_timeout(500)
        assert not any("pyodide" in u or u.endswith("worker.mjs") for u in log.requests)
        expect(tab.locator("#ex-status")).to_have_text(
            "The model starts in your browser when you change a setting.")
        tab.hover("#c-uasc")  # the reader reaches for a setting
        tab.wait_for_function("() => scenarioExplorer.state().model.status !== 'off'")
        tab.wait_for_function("() => scenarioExplorer.state().model.status === 'ready'",
                              timeout=60_000)
        assert any(u.endswith("pyodide.asm.wasm") for u in log.requests)
    finally:
        context.close()


ALL_PROGRAMMES = ("&edge_of_care_families=200&pause_women=15&parenting_places=135"
                  "&dv_victim_places=60&dv_perpetrator_places=10"
                  "&reunification_weeks_reduction=1&placement_cost_reduction=5")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_table_fits_or_scrolls_in_a_labelled_region_the_keyboard_can_reach(
        browser: Browser, site_url: str, width: int) -> None:
    """Nothing is cut off: at 1280 px every table fits; on a phone a wide table scrolls inside a
    focusable, labelled region that shows it has more (edge shadows), and the page never does."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}{PAGE}#scenario=rising-lac{ALL_PROGRAMMES}")
        wait_phase(tab, "current", "banding")
        expect(tab.locator("#t-programmes tbody tr")).to_have_count(8)  # 7, then all together
        tab.evaluate("for (const d of document.querySelectorAll('#explorer details')) d.open = true")
        tab.wait_for_function("() => document.querySelectorAll('#t-years tbody tr').length")
        tab.wait_for_timeout(300)
        regions = tab.evaluate("""() => [...document.querySelectorAll('#explorer .ex-scroll')]
            .filter(r => r.offsetParent && r.scrollWidth > r.clientWidth + 1)
            .map(r => [r.querySelector('table').id, r.tabIndex, getComputedStyle(r).overflowX,
                       r.getAttribute('role'), Boolean(r.getAttribute('aria-labelledby')),
                       r.classList.contains('ex-overflows')])""")
        if width == 1280:
            assert regions == [], regions
        else:
            assert {r[0] for r in regions} >= {"t-programmes", "t-years"}
            for table_id, tab_index, overflow, role, labelled, shadows in regions:
                assert (tab_index, overflow, role, labelled, shadows) == (
                    0, "auto", "region", True, True), table_id
        assert tab.evaluate("document.documentElement.scrollWidth <= innerWidth + 1")
    finally:
        context.close()


def test_a_folded_table_holds_no_words_or_figures_of_another_result(page: tuple[Page, PageLog],
                                                                    site_url: str) -> None:
    """The year-by-year fold's note says what the band varies, with the link's own UASC range:
    while folded it is empty (as its rows are), never the published scenario's note."""
    tab, log = page
    tab.goto(f"{site_url}{PAGE}#scenario=falling-lac&uasc=40")
    wait_phase(tab, "current")
    band_note = tab.locator("#ex-band-note").text_content() or ""
    assert "UASC settle between" in band_note
    folded = tab.locator("#ex-years .ex-notes").text_content() or ""
    assert folded.strip() in ("", band_note.strip())
    tab.locator("#ex-years > summary").click()
    expect(tab.locator("#ex-years .ex-notes")).to_contain_text(band_note.strip())
    expect(tab.locator("#t-years tbody tr")).to_have_count(21)
    assert log.page_errors == []
