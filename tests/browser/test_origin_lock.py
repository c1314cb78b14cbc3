"""The browser itself enforces the site's origin: a request elsewhere is blocked, and nothing the
site does on its own pages (theme, charts, explorer) breaks the policy."""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.explorer import start_model
from tests.support.server import serve_directory

pytestmark = pytest.mark.smoke

ONE_PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
WATCH_VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(
    e.violatedDirective + " " + e.blockedURI), true);"""


def _violations(tab: Page) -> list[str]:
    found: list[str] = []
    for frame in tab.frames:
        found += frame.evaluate("window.__violations || []")
    return found


def test_a_request_to_another_origin_is_blocked_by_the_browser(browser: Browser, site_url: str,
                                                               tmp_path_factory: pytest.TempPathFactory
                                                               ) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "tracker.png").write_bytes(ONE_PIXEL_PNG)
    (elsewhere / "data.json").write_text("{}")
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    tab = context.new_page()
    with serve_directory(elsewhere) as other:
        tab.goto(site_url, wait_until="networkidle")
        outcome = tab.evaluate("""async (other) => {
            const img = new Image();
            const loaded = new Promise(resolve => { img.onload = () => resolve("loaded");
                                                     img.onerror = () => resolve("blocked"); });
            img.src = other + "tracker.png";
            document.body.append(img);
            let fetched;
            try { await fetch(other + "data.json", {mode: "no-cors"}); fetched = "fetched"; }
            catch (error) { fetched = "blocked"; }
            return [await loaded, fetched];
        }""", other)
    assert outcome == ["blocked", "blocked"]  # without the policy: ["loaded", "fetched"]
    blocked = _violations(tab)
    assert any(v.startswith("img-src") and other in v for v in blocked), blocked
    assert any(v.startswith("connect-src") and other in v for v in blocked), blocked
    context.close()


def test_reading_the_site_breaks_nothing_in_the_policy(browser: Browser, site_url: str) -> None:
    """Home, then (by instant navigation, so the home page's policy stays) an indicator's chart."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    tab = context.new_page()
    tab.goto(site_url, wait_until="networkidle")
    tab.get_by_role("link", name="Indicators", exact=True).first.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Indicators over time")
    tab.get_by_role("link", name="Looked-after children (number)").first.click()
    expect(tab.locator(".bokeh-chart canvas").first).to_be_attached(timeout=15_000)
    assert _violations(tab) == []
    context.close()


def test_the_explorer_runs_pyodide_under_the_policy(browser: Browser, site_url: str) -> None:
    """WebAssembly and the model's module worker are allowed; nothing else is needed."""
    context = browser.new_context()
    context.add_init_script(WATCH_VIOLATIONS)
    tab = context.new_page()
    tab.goto(site_url + "explorer/")
    start_model(tab)  # as a reader about to change a setting: Pyodide starts in its worker
    assert _violations(tab) == []
    context.close()
