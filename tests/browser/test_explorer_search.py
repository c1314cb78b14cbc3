"""The site search on the explorer's page: its index is built once the explorer has shown its
figures (explorer/search_gate.py), at once if the reader reaches for it, and in any case soon,
so search works there as on every other page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from explorer.search_gate import HOLD_MS
from tests.support.browser import PageLog, watch
from tests.support.explorer import PAGE, state, wait_phase

LINK = "#scenario=rising-lac&edge_of_care_families=200"

# When the theme's search says it is ready (its results' heading stops saying so), in the page's
# own clock, beside the explorer's timings.
SEARCH_READY_PROBE = """
new MutationObserver((_, observer) => {
  const meta = document.querySelector(".md-search-result__meta");
  if (meta && !/Initiali[sz]ing/.test(meta.textContent)) {
    window.__searchReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(SEARCH_READY_PROBE)
    yield context
    context.close()


def search_for_the_glossary(tab: Page, timeout: int = 10_000) -> None:
    tab.keyboard.press("s")  # Material's keyboard shortcut for search
    expect(tab.get_by_role("textbox", name="Search")).to_be_focused()
    tab.keyboard.type("glossary", delay=20)
    expect(tab.locator(".md-search-result__item").first).to_contain_text("Glossary", timeout=timeout)


def held(tab: Page) -> bool:
    return bool(tab.evaluate("() => window.__searchReadyAt === undefined"))


def test_a_links_figures_come_first_then_the_search_is_built(context: BrowserContext,
                                                             site_url: str) -> None:
    tab = context.new_page()
    log: PageLog = watch(tab, site_url)
    tab.goto(f"{site_url}{PAGE}{LINK}")
    wait_phase(tab, "current")
    tab.wait_for_function("() => window.__searchReadyAt !== undefined", timeout=HOLD_MS + 10_000)
    shown = tab.evaluate("scenarioExplorer.timings.linkShown")
    ready = tab.evaluate("window.__searchReadyAt")
    # Built after the link's figures were drawn, unless this machine was so slow that the gate's
    # longest hold ran out first.
    assert ready > shown or shown > HOLD_MS - 2_000, (shown, ready)
    search_for_the_glossary(tab)
    assert log.page_errors == [] and log.console_errors == []


def test_a_reader_who_reaches_for_the_search_gets_it_at_once(context: BrowserContext,
                                                             site_url: str) -> None:
    """The model never arrives here, so the explorer's figures stay provisional: the search waits
    for them, until the reader opens it."""
    def never(route: Route) -> None:
        pass  # the model's WebAssembly never arrives

    context.route("**/pyodide.asm.wasm", never)
    tab = context.new_page()
    tab.goto(f"{site_url}{PAGE}{LINK}")
    wait_phase(tab, "waiting")
    tab.wait_for_timeout(1_500)
    assert held(tab), "the search was built while the explorer's figures were still provisional"
    started = tab.evaluate("performance.now()")
    search_for_the_glossary(tab)
    assert tab.evaluate("window.__searchReadyAt") - started < HOLD_MS
    assert state(tab)["model"]["status"] == "starting"


def test_search_works_when_the_explorer_itself_cannot_start(context: BrowserContext,
                                                            site_url: str) -> None:
    context.route("**/main.mjs", lambda route: route.abort())
    tab = context.new_page()
    tab.goto(f"{site_url}{PAGE}{LINK}")
    expect(tab.locator("#explorer")).to_be_attached()
    search_for_the_glossary(tab, timeout=HOLD_MS + 10_000)
