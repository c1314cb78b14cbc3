"""WCAG 2.1 AA: axe-core finds no serious or critical problem on any page of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.axe import serious_violations


def site_pages(site_dir: Path) -> list[str]:
    return sorted("" if p.parent == site_dir else p.parent.relative_to(site_dir).as_posix() + "/"
                  for p in site_dir.rglob("index.html"))


def _check(browser: Browser, site_url: str, pages: list[str], scheme: str) -> dict[str, list[str]]:
    context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
    tab = context.new_page()
    problems: dict[str, list[str]] = {}
    try:
        for path in pages:
            tab.goto(site_url + path, wait_until="load")
            if tab.locator(".indicator-chart").count():
                tab.wait_for_selector(".bokeh-chart .bk-Figure, .bokeh-chart div", timeout=15_000)
            found = serious_violations(tab)
            if found:
                problems[path or "/"] = [f"{v['impact']} {v['id']}: {v['help']} at {v['targets']}"
                                         for v in found]
    finally:
        context.close()
    return problems


def test_every_page_passes_axe_in_light_mode(browser: Browser, site_url: str, site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert len(pages) > 20, "the site should have a page per meeting, report, plan and indicator"
    problems = _check(browser, site_url, pages, "light")
    assert problems == {}, "\n".join(f"{page}: {p}" for page, items in problems.items() for p in items)


@pytest.mark.parametrize("kind", ["", "meetings/", "reports/", "action-plans/", "indicators/", "glossary/"])
def test_each_kind_of_page_passes_axe_in_dark_mode(browser: Browser, site_url: str, site_dir: Path,
                                                    kind: str) -> None:
    pages = [p for p in site_pages(site_dir) if p.startswith(kind)] if kind else [""]
    sample = pages[:1] + pages[-1:]  # the section's index and one of its pages
    problems = _check(browser, site_url, sample, "dark")
    assert problems == {}, "\n".join(f"{page}: {p}" for page, items in problems.items() for p in items)
