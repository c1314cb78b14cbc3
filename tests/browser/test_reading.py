"""What a councillor does with the summaries: read on a tablet, follow links, print.

(Filtering the records is in test_tracker.py.)
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.support.browser import PageLog


def test_charts_draw_after_instant_navigation(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, log = page
    tab.goto(site_url)
    tab.evaluate("window.__notReloaded = true")
    tab.get_by_role("link", name="Indicators", exact=True).first.click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Indicators over time")
    tab.get_by_role("link", name="Looked-after children (number)").first.click()
    expect(tab.locator(".bokeh-chart canvas").first).to_be_attached(timeout=15_000)
    assert tab.evaluate("window.__notReloaded") is True, "navigation should not reload the page"
    assert log.foreign_requests() == []
    assert log.page_errors == []


def test_a_meeting_briefing_prints_without_the_site_furniture(page: tuple[Page, PageLog],
                                                               site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + "meetings/2022-09-13/")
    expect(tab.get_by_role("button", name="Print this briefing")).to_be_visible()
    tab.emulate_media(media="print")
    expect(tab.locator(".md-header")).to_be_hidden()
    expect(tab.locator(".md-sidebar--primary")).to_be_hidden()
    expect(tab.get_by_role("button", name="Print this briefing")).to_be_hidden()
    expect(tab.get_by_role("heading", name=re.compile("Five things to know"))).to_be_visible()
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_pages_fit_a_phone_and_a_tablet_without_sideways_scrolling(browser: Browser,
                                                                    site_url: str) -> None:
    for width, height in ((390, 844), (768, 1024)):
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
        tab = context.new_page()
        for path in ("", "meetings/2017-12-12/", "reports/2017-12-12-annual-public-health-report-2017/",
                     "indicators/lac-number/"):
            tab.goto(site_url + path)
            overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px at {width}px"
        expect(tab.get_by_role("button", name=re.compile("Navigation|Open", re.I)).or_(
            tab.locator("label.md-header__button[for='__drawer']")).first).to_be_visible()
        context.close()


def test_dark_mode_follows_the_readers_setting(browser: Browser, site_url: str) -> None:
    context = browser.new_context(color_scheme="dark")
    tab = context.new_page()
    tab.goto(site_url)
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()
