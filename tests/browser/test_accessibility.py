"""WCAG 2.2 AA on every page of the built site, in a real browser.

One audit (tests/support/audit.py) loads every page in one shared browser and makes every check
on that load; each test below asserts on one kind of check. A problem the accessibility statement
lists as a known gap (content/accessibility/statement.yaml) is expected until it is fixed; any
other problem fails, and so does a known gap that has gone (so the statement cannot go stale).

The last test compares the figures the statement gives (content/accessibility/test-results.json)
with what this run found; `make accessibility-statement` rewrites them.

For a quicker look at a few pages while working: A11Y_PAGES="meetings/,glossary/" (path prefixes,
"/" for the home page). The statement's figures are then not compared.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from sitegen.accessibility import CHECKS, RESULTS, Statement, load_results, load_statement, write_results
from tests.support.audit import Audit, results_of, run_audit, site_pages

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "test-results" / "accessibility.json"
ONLY = [p.strip() for p in os.environ.get("A11Y_PAGES", "").split(",") if p.strip()]


@pytest.fixture(scope="module")
def statement() -> Statement:
    return load_statement()


@pytest.fixture(scope="module")
def audit(browser: Browser, site_url: str, site_dir: Path) -> Audit:
    pages = site_pages(site_dir)
    if ONLY:
        pages = [p for p in pages if any(p.startswith(o) or (o == "/" and p == "") for o in ONLY)]
    found = run_audit(browser, site_url, site_dir, pages, pictures=REPORT.parent / "focus")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"seconds": found.seconds, "tab_stops": found.tab_stops,
                                  "focus_styles_compared": found.indicator_styles,
                                  "axe_impacts": found.impacts,
                                  "failures": {k: [f"{f.page}: {f.detail}" for f in run.failures]
                                               for k, run in found.checks.items()}}, indent=1))
    return found


def unexpected(audit: Audit, statement: Statement, check: str) -> list[str]:
    """The check's failures that are not known gaps, one a line, for the assertion message."""
    known = {g.page for g in statement.known_gaps if g.check == check}
    return [f"{f.page}: {f.detail}" for f in audit.checks[check].failures if f.page not in known]


def _assert_clean(audit: Audit, statement: Statement, check: str) -> None:
    problems = unexpected(audit, statement, check)
    assert not problems, f"{CHECKS[check].what}:\n" + "\n".join(problems[:40]) + (
        f"\n... and {len(problems) - 40} more" if len(problems) > 40 else "")


def test_every_page_passes_axe_at_wcag_22_aa_in_light_mode(audit: Audit, statement: Statement,
                                                           site_dir: Path) -> None:
    assert len(audit.checks["axe"].pages) == len(audit.pages)
    if not ONLY:
        assert len(audit.pages) > 20, "the site should have a page per meeting, report, plan and indicator"
    _assert_clean(audit, statement, "axe")


def test_a_sample_of_pages_passes_axe_in_dark_mode(audit: Audit, statement: Statement) -> None:
    assert len(audit.checks["axe-dark"].pages) == len(audit.dark_pages) >= 1
    _assert_clean(audit, statement, "axe-dark")


def test_every_control_can_be_reached_forwards_and_backwards_and_left(audit: Audit,
                                                                      statement: Statement) -> None:
    _assert_clean(audit, statement, "keyboard")


def test_the_control_with_keyboard_focus_is_always_on_screen(audit: Audit, statement: Statement) -> None:
    assert audit.checks["focus-visible"].items > 10 * len(audit.pages)
    _assert_clean(audit, statement, "focus-visible")


def test_the_sticky_header_never_hides_the_focused_control(audit: Audit, statement: Statement) -> None:
    """WCAG 2.4.11, tabbing forwards and backwards through every page."""
    _assert_clean(audit, statement, "focus-not-obscured")


def test_every_control_shows_focus_with_a_contrast_of_3_to_1(audit: Audit, statement: Statement) -> None:
    _assert_clean(audit, statement, "focus-indicator")


def test_nothing_scrolls_sideways_at_320_px_but_labelled_table_regions(audit: Audit,
                                                                       statement: Statement) -> None:
    """WCAG 1.4.10 reflow."""
    assert len(audit.checks["reflow"].pages) == len(audit.pages)
    _assert_clean(audit, statement, "reflow")


def test_wcag_text_spacing_cuts_no_text_off(audit: Audit, statement: Statement) -> None:
    """WCAG 1.4.12, at 1280 and at 320 px."""
    _assert_clean(audit, statement, "text-spacing")


def test_every_chart_is_named_and_followed_by_its_table(audit: Audit, statement: Statement) -> None:
    if not ONLY:
        assert audit.checks["charts"].items >= 30, "every indicator page has a chart"
    _assert_clean(audit, statement, "charts")


def test_each_page_title_and_first_heading_say_what_the_page_is(audit: Audit, statement: Statement) -> None:
    _assert_clean(audit, statement, "titles")
    shared = {title: paths for title, paths in audit.titles.items() if len(paths) > 1}
    assert shared == {}, f"pages that share a title: {shared}"


def test_every_known_gap_in_the_statement_is_still_found(audit: Audit, statement: Statement) -> None:
    """A gap that has been fixed must leave the statement (and the expectations above)."""
    if ONLY:
        pytest.skip("A11Y_PAGES is set: only some pages were checked")
    gone = [f"{g.check} on {g.page}" for g in statement.known_gaps
            if not any(f.page == g.page for f in audit.checks[g.check].failures)]
    assert gone == [], ("content/accessibility/statement.yaml lists problems the tests no longer "
                        f"find; remove them: {gone}")


def test_the_statement_gives_the_figures_this_run_found(audit: Audit, statement: Statement) -> None:
    """The statement's figures are what the tests find, or the build fails.

    With A11Y_WRITE_RESULTS=1 (`make accessibility-statement`), the figures are written instead,
    dated today if they changed.
    """
    if ONLY:
        pytest.skip("A11Y_PAGES is set: only some pages were checked")
    committed = load_results() if RESULTS.exists() else None
    current = results_of(audit, statement, updated=committed.updated if committed else dt.date.today())
    if os.environ.get("A11Y_WRITE_RESULTS"):
        if committed is None or committed.figures() != current.figures():
            write_results(current.model_copy(update={"updated": dt.date.today()}))
        return
    assert committed is not None, f"{RESULTS} is missing: run `make accessibility-statement`"
    assert committed.figures() == current.figures(), (
        "The accessibility statement's figures differ from what the tests found. Run "
        "`make accessibility-statement` and commit content/accessibility/test-results.json.\n"
        f"committed: {json.dumps(committed.figures())}\nthis run:  {json.dumps(current.figures())}")
