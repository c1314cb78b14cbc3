"""What a reader does first, in a real browser, whichever builder made the site.

`make test` runs these on MkDocs' build; `make zensical` runs them on Zensical's (SITE_DIR), so the
fallback builder is known to work: home, search, a report, the explorer, nothing from elsewhere.
They use only what both themes share, not one theme's keyboard shortcuts or page titles.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import PageLog

pytestmark = pytest.mark.smoke

SITE_NAME = "Thurrock Children's Services Scrutiny"
REPORT = "reports/2017-12-12-annual-public-health-report-2017/"
MODEL_READY_MS = 45_000  # Pyodide on a busy 2-core machine; typically 3 s


def _nothing_from_elsewhere(log: PageLog) -> None:
    assert log.foreign_requests() == [], "the page loaded files from outside its own origin"
    assert log.page_errors == [], f"the page threw: {log.page_errors}"
    assert log.console_errors == [], f"the page logged errors: {log.console_errors}"


def test_the_home_page_says_what_the_site_is_for(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url, wait_until="networkidle")
    expect(tab).to_have_title(re.compile(re.escape(SITE_NAME)))
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Children's Services scrutiny in Thurrock")
    expect(tab.get_by_role("link", name="Prepare for a meeting")).to_be_visible()
    _nothing_from_elsewhere(log)


def test_search_finds_a_page_and_opens_it(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url, wait_until="networkidle")
    tab.locator(".md-search__button:visible, .md-search__input:visible").first.click()
    tab.keyboard.type("glossary", delay=20)  # both themes search on key events, as a reader types
    result = tab.get_by_text("what the acronyms mean").filter(visible=True).first
    expect(result).to_be_visible(timeout=10_000)
    result.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Glossary")
    _nothing_from_elsewhere(log)


def test_a_report_reads_with_its_acronyms_explained_and_links_to_its_meeting(
        page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url + REPORT, wait_until="networkidle")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Annual Public Health Report")
    expect(tab.get_by_role("heading", name=re.compile("Key findings"))).to_be_visible()
    expect(tab.locator("article abbr[title]").first).to_be_attached()
    tab.locator("article a[href*='meetings/2017-12-12/']").first.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("12 December 2017")
    _nothing_from_elsewhere(log)


def test_the_explorer_runs_the_model_in_the_browser(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url + "explorer/#scenario=rising-lac&edge_of_care_families=200")
    # The explorer is in the page itself; a link with changed settings starts the model at once.
    tab.wait_for_function("() => window.scenarioExplorer && scenarioExplorer.state"
                          " && scenarioExplorer.state().model.status === 'ready'", timeout=MODEL_READY_MS)
    expect(tab.locator("input[name='ex-scenario'][value='rising-lac']")).to_be_checked()
    # The figures on screen are the link's own, computed in the browser, not the published preset's.
    tab.wait_for_function("() => ['banding', 'current']"
                          ".includes(document.querySelector('#explorer').dataset.phase)",
                          timeout=MODEL_READY_MS)
    _nothing_from_elsewhere(log)
