"""A reader opening the home page in a real browser sees the site, with nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.support.browser import PageLog

SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-results"


def test_home_page_shows_what_the_site_is_for(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url, wait_until="networkidle")

    expect(tab).to_have_title("Thurrock Children's Services Scrutiny")
    expect(tab.get_by_role("heading", level=1)).to_contain_text(
        "Children's Services scrutiny in Thurrock"
    )
    expect(tab.get_by_role("navigation", name="Navigation").first).to_be_attached()
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "home.png"), full_page=True)

    assert log.foreign_requests() == [], "the home page loaded files from outside its own origin"
    assert log.page_errors == [], f"the home page threw: {log.page_errors}"
    assert log.console_errors == [], f"the home page logged errors: {log.console_errors}"


def test_search_finds_a_page(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url, wait_until="networkidle")
    tab.keyboard.press("s")  # Material's keyboard shortcut for search
    expect(tab.get_by_role("textbox", name="Search")).to_be_focused()
    tab.keyboard.type("glossary", delay=20)  # Material searches on key events, as a reader types
    expect(tab.locator(".md-search-result__item").first).to_contain_text("Glossary", timeout=10_000)
    assert log.foreign_requests() == []
