"""The follow-through tracker in a real browser: filters that agree with the roll-ups, a shared
link that restores them, a full table without JavaScript, an A4 print, and the feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.support.axe import AXE
from tests.support.browser import PageLog

ROWS = "table tbody tr"
SHOWN = "table tbody tr:not([hidden])"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _total(tab: Page) -> int:
    return tab.locator(f".tracker {ROWS}").count()


def _shown(tab: Page) -> int:
    return tab.locator(f".tracker {SHOWN}").count()


def _rollup(tab: Page, heading: str, label: str) -> list[str]:
    """The cells of one roll-up line, found by its heading and its first cell's text."""
    table = tab.locator(f"h3:has-text('{heading}') + .md-typeset__scrollwrap table, "
                        f"h3:has-text('{heading}') + div table").first
    row = table.locator("tbody tr", has=tab.locator("td:first-child", has_text=label)).first
    return row.locator("td").all_inner_texts()


def test_filters_narrow_the_table_and_agree_with_the_roll_ups(page: tuple[Page, PageLog],
                                                             site_url: str) -> None:
    tab, log = page
    tab.goto(site_url + "tracker/")
    status = tab.locator(".tracker .table-filter-status")
    total = _total(tab)
    expect(status).to_contain_text(f"Showing {total} of {total} records")

    plan = _rollup(tab, "By plan or list", "Children's Social Care Development Plan")
    records, complete = int(plan[1]), int(plan[2].split(" of ")[0])
    tab.get_by_label("Plan or list", exact=True).select_option(value="DP18")
    expect(status).to_contain_text(f"Showing {records} of {total} records")
    tab.get_by_label("Status", exact=True).select_option(label="Complete")
    expect(status).to_have_text(f"Showing {complete} of {total} records: {complete} complete.")
    assert _shown(tab) == complete
    assert "list=DP18" in tab.url and "status=complete" in tab.url

    tab.get_by_role("button", name="Show all").click()
    expect(status).to_contain_text(f"Showing {total} of {total}")
    topic = _rollup(tab, "By topic", "Care leavers")
    tab.get_by_label("Topic", exact=True).select_option(label="Care leavers")
    assert _shown(tab) == int(topic[1])
    topics = tab.locator(f".tracker {SHOWN} .tracker-row").evaluate_all(
        "spans => spans.map(s => s.dataset.topic)")
    assert all("care-leavers" in t.split() for t in topics)

    tab.get_by_role("button", name="Show all").click()
    tab.get_by_label("Lead officer", exact=True).select_option(label="Not stated")
    owners = tab.locator(f".tracker {SHOWN} td:nth-child(6)").all_inner_texts()
    assert owners and set(owners) == {"Not stated"}

    tab.get_by_role("button", name="Show all").click()
    tab.get_by_label("Words", exact=True).fill("Tilbury")
    expect(tab.locator(f".tracker {SHOWN}", has_text="FU-2022-06-16/5")).to_have_count(1)
    tab.get_by_label("Words", exact=True).fill("zzzz-no-such-record")
    expect(status).to_have_text(f"Showing 0 of {total} records.")
    assert log.page_errors == [] and log.console_errors == []


def test_a_roll_up_line_opens_the_table_filtered_to_it(page: tuple[Page, PageLog],
                                                        site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + "tracker/")
    line = _rollup(tab, "By meeting", "Meeting of 16 June 2022")
    tab.locator(".rollup").get_by_role("link", name="Meeting of 16 June 2022", exact=True).click()
    expect(tab.locator(".tracker .table-filter-status")).to_contain_text(f"Showing {line[1]} of ")
    expect(tab.get_by_label("Meeting", exact=True)).to_have_value("2022-06-16")
    assert "meeting=2022-06-16" in tab.url


def test_a_shared_link_restores_the_filters(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + "tracker/?status=open&topic=schools-education")
    expect(tab.get_by_label("Status", exact=True)).to_have_value("open")
    expect(tab.get_by_label("Topic", exact=True)).to_have_value("schools-education")
    statuses = tab.locator(f".tracker {SHOWN} .tracker-row").evaluate_all(
        "spans => spans.map(s => s.dataset.status)")
    assert statuses and set(statuses) == {"open"}
    tab.goto(site_url + "tracker/?status=no-such-status")
    # An unknown value in a link is ignored, not obeyed.
    expect(tab.get_by_label("Status", exact=True)).to_have_value("")
    assert _shown(tab) == _total(tab)


def test_without_javascript_the_whole_table_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "tracker/?status=complete")
    assert tab.locator(".tracker select").count() == 0
    rows = tab.locator(f".tracker {ROWS}")
    assert rows.count() > 250 and tab.locator(f".tracker {SHOWN}").count() == rows.count()
    expect(tab.locator(".tracker-noscript")).to_be_visible()
    context.close()


def test_the_tracker_prints_on_a4_landscape_with_the_filter_it_shows(page: tuple[Page, PageLog],
                                                                     site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + "tracker/?list=SEND18")
    expect(tab.locator(".tracker .table-filter-status")).to_contain_text("Showing 11 of")
    tab.emulate_media(media="print")
    expect(tab.locator(".md-header")).to_be_hidden()
    expect(tab.locator(".tracker-filters")).to_be_hidden()
    expect(tab.locator(".tracker-print-summary")).to_be_visible()
    expect(tab.locator(".tracker-print-summary")).to_contain_text("Filtered: Plan or list: SEND Peer Review")
    assert _shown(tab) == 11
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
    boxes = {tuple(round(float(n)) for n in m.groups())
             for m in re.finditer(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)}
    assert boxes == {(842, 595)}, f"expected every page A4 landscape, got {boxes}"


def test_the_feeds_are_served_and_their_links_work(page: tuple[Page, PageLog], site_url: str) -> None:
    tab, _ = page
    tab.goto(site_url + "tracker/")
    href = tab.get_by_role("link", name="status changes (Atom)").get_attribute("href")
    assert href
    feed_url = urljoin(tab.url, href)
    response = tab.request.get(feed_url)
    assert response.ok and "xml" in response.headers["content-type"]
    feed = ET.fromstring(response.body())
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) > 50
    link = entries[0].find("{http://www.w3.org/2005/Atom}link")
    assert link is not None
    tab.goto(urljoin(feed_url, link.get("href", "")))
    expect(tab.locator("h1")).to_be_visible()
    target = link.get("href", "").split("#")[1]
    expect(tab.locator(f"[id='{target}']")).to_be_attached()


def _axe(tab: Page) -> list[dict[str, Any]]:
    tab.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = tab.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
            .violations.map(v => ({id: v.id, impact: v.impact,
                                   targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))""",
        WCAG_22_AA)
    return found


FOLLOW_THROUGH_PAGES = ["tracker/", "action-plans/", "follow-ups/2017-10-10/",
                        "action-plans/2022-09-13-fostering-recruitment-activity-plan/",
                        "meetings/2022-09-13/", "sources/report-2023-update/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_follow_through_pages_pass_axe_wcag_22_aa(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    tab = context.new_page()
    problems = {}
    for path in FOLLOW_THROUGH_PAGES:
        tab.goto(site_url + path, wait_until="load")
        tab.wait_for_timeout(200)
        found = _axe(tab)
        if found:
            problems[path] = found
    context.close()
    assert problems == {}


def test_no_sideways_scrolling_at_320px_except_in_labelled_table_regions(browser: Browser,
                                                                         site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 700}, has_touch=True)
    tab = context.new_page()
    for path in FOLLOW_THROUGH_PAGES:
        tab.goto(site_url + path, wait_until="load")
        tab.wait_for_timeout(1700)  # site.js labels overflowing regions after layout settles
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
        unlabelled = tab.evaluate("""() => Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))
            .filter(r => r.scrollWidth > r.clientWidth + 1)
            .filter(r => !(r.getAttribute('tabindex') === '0' && r.getAttribute('role') === 'region'
                           && r.getAttribute('aria-label'))).length""")
        assert unlabelled == 0, f"{path}: a table scrolls sideways without a labelled, focusable region"
    context.close()


def test_filter_controls_are_big_enough_to_tap(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    tab = context.new_page()
    tab.goto(site_url + "tracker/")
    controls = ".tracker-filters select, .tracker-filters input, .tracker-filters button"
    for control in tab.locator(controls).all():
        box = control.bounding_box()
        assert box and box["height"] >= 24 and box["width"] >= 24
    context.close()


def test_screenshots_of_the_tracker(browser: Browser, site_url: str) -> None:
    """Not a check: pictures for people reviewing a change (test-results/)."""
    out = Path(__file__).resolve().parents[2] / "test-results"
    out.mkdir(exist_ok=True)
    for width in (390, 768, 1280):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          color_scheme=scheme)  # type: ignore[arg-type]
            tab = context.new_page()
            tab.goto(site_url + "tracker/?list=FU-2022-06-16#records", wait_until="load")
            tab.screenshot(path=str(out / f"tracker-{width}-{scheme}.png"))
            context.close()
