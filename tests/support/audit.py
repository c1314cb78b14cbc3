"""The accessibility audit: every built page checked against WCAG 2.2 AA in a real browser.

Each page is loaded once in light colours, in one shared browser and context, and checked in three
settings by changing the window around it (as a reader who zooms in or turns a tablet does); the
sample below is loaded again in dark colours, which the theme chooses when a page loads:

- 1280 px, light (every page): axe-core, Tab walks forwards and backwards, focus indicators,
  charts, titles and headings, text spacing;
- 1280 px, dark (about one page in six, see `sampled`): axe-core, a forward Tab walk, focus indicators;
- 390 px, a phone (the same pages): Tab walks forwards and backwards, focus indicators;
- 320 px (every page): sideways scrolling, text spacing.

What the checks are, in the statement's words, is in sitegen/accessibility.py; the tests in
tests/browser/test_accessibility.py assert on the result, and the statement's figures come from it.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from sitegen.accessibility import CHECKS, AuditFigures, CheckResult, Statement
from tests.support.axe import AXE, WCAG_22_AA
from tests.support.focus import Walk, judge_focus, walk

PROBE = Path(__file__).with_name("a11y_probe.js")
SAMPLE_EVERY = 6
DESKTOP, DARK, PHONE, NARROW = "1280 px, light", "1280 px, dark", "390 px, light", "320 px, light"


@dataclass
class Failure:
    check: str
    page: str
    detail: str


@dataclass
class CheckRun:
    """One check across the pages it ran on."""

    pages: set[str] = field(default_factory=set)
    settings: list[str] = field(default_factory=list)  # in the order they ran
    items: int = 0
    failures: list[Failure] = field(default_factory=list)


@dataclass
class Audit:
    site_name: str
    pages: list[str]
    dark_pages: list[str]
    phone_pages: list[str]
    axe_version: str = ""
    axe_rules: int = 0
    checks: dict[str, CheckRun] = field(default_factory=lambda: {k: CheckRun() for k in CHECKS})
    impacts: dict[str, int] = field(default_factory=dict)  # every axe violation found, by impact
    titles: dict[str, list[str]] = field(default_factory=dict)  # page title -> the pages with it
    tab_stops: int = 0
    indicator_styles: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    pictures: Path | None = None  # where to keep a picture of each focus style, to be looked at

    def fail(self, check: str, page: str, detail: str) -> None:
        self.checks[check].failures.append(Failure(check, page or "/", detail))

    def ran(self, check: str, page: str, setting: str, items: int = 1) -> None:
        run = self.checks[check]
        run.pages.add(page or "/")
        run.items += items
        if setting not in run.settings:
            run.settings.append(setting)


FORWARDS = 'name="robots" content="noindex"'  # a page that only sends readers on (explorer/app/)


def site_pages(site_dir: Path) -> list[str]:
    """Every built page, as a path under the site's root ('' for the home page), and the 404 page.
    Not a page that only forwards the reader elsewhere: the browser never stays on it, so the
    audit would measure the page it forwards to under its address (tests/explorer covers it)."""
    pages = sorted("" if p.parent == site_dir else p.parent.relative_to(site_dir).as_posix() + "/"
                   for p in site_dir.rglob("index.html") if FORWARDS not in p.read_text(encoding="utf-8"))
    return pages + (["404.html"] if (site_dir / "404.html").exists() else [])


def sampled(path: str) -> bool:
    """Whether a page is among those also checked in dark colours and at phone width: the home page,
    each section's first page, the scenario explorer, and about one in six of the rest, chosen by
    address so that adding pages does not change which others are chosen."""
    return (path.count("/") <= 1 or path.startswith("explorer/")
            or zlib.crc32(path.encode()) % SAMPLE_EVERY == 0)


def run_audit(browser: Browser, site_url: str, site_dir: Path, pages: list[str] | None = None,
              pictures: Path | None = None) -> Audit:
    pages = pages if pages is not None else site_pages(site_dir)
    sample = [p for p in pages if sampled(p)]
    audit = Audit(site_name=_site_name(site_dir), pages=pages, dark_pages=sample, phone_pages=sample,
                  pictures=pictures)
    if pictures is not None:
        shutil.rmtree(pictures, ignore_errors=True)
    judged: dict[str, str] = {}  # focus style (setting + signature) -> what is wrong with it ('' if nothing)
    context = _context(browser, site_dir)
    try:
        tab = _Tab(context)
        for path in pages:
            with _timed(audit, DESKTOP):
                page = tab.open(site_url + path)
                _desktop(page, path, audit, judged)
            if path in sample:
                with _timed(audit, PHONE):
                    tab.set(width=390, height=844)
                    _phone(page, path, audit, judged)
            with _timed(audit, NARROW):
                tab.set(width=320, height=640)
                _narrow(page, path, audit)
            if path in sample:
                with _timed(audit, DARK):
                    page = tab.open(site_url + path, scheme="dark")  # the theme picks colours on load
                    _dark(page, path, audit, judged)
    finally:
        context.close()
    audit.indicator_styles = len(judged)
    return audit


@contextmanager
def _timed(audit: Audit, setting: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    audit.seconds[setting] = round(audit.seconds.get(setting, 0) + time.perf_counter() - start, 1)


def results_of(audit: Audit, statement: Statement, updated: dt.date) -> AuditFigures:
    """The figures the accessibility statement gives, from this audit."""
    checks = []
    for check, run in audit.checks.items():
        known = {g.page for g in statement.known_gaps if g.check == check}
        checks.append(CheckResult(
            id=check, pages=len(run.pages), settings=run.settings,
            problems=sum(f.page not in known for f in run.failures),
            known_gaps=sorted(known & {f.page for f in run.failures})))
    return AuditFigures(updated=updated, axe_core=audit.axe_version, axe_tags=WCAG_22_AA,
                       axe_rules=audit.axe_rules, pages=len(audit.pages), dark_pages=len(audit.dark_pages),
                       phone_pages=len(audit.phone_pages), charts=audit.checks["charts"].items,
                       checks=checks)


def _site_name(site_dir: Path) -> str:
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    start = home.index("<title>") + len("<title>")
    return html.unescape(home[start:home.index("</title>", start)]).split(" - ")[-1].strip()


# ------------------------------------------------------------------------------ loading pages
def _context(browser: Browser, site_dir: Path) -> BrowserContext:
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does it)")
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light",
                                  reduced_motion="reduce")
    for script in (PROBE, AXE):
        context.add_init_script(path=str(script))
    context.add_init_script(script=_CALM)
    context.add_init_script(script=_FOLLOW_THE_SYSTEM_COLOURS)
    _stub_search_index(context, site_dir)
    return context


# Measure the end state of every transition, not a frame of it: the reader's eye waits, a test must
# not race a 250 ms slide. (A tooltip the theme removes when its fade ends may then linger; the probe
# does not count tooltips as hiding anything.)
_CALM = """document.addEventListener("DOMContentLoaded", () => {
  const s = document.createElement("style");
  s.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
  document.head.appendChild(s);
});"""


# The theme remembers the colours a page was shown in; forget them before each load, so the colour
# scheme asked for (light, then dark) is the one the page takes, as on a first visit.
_FOLLOW_THE_SYSTEM_COLOURS = """try {
  Object.keys(localStorage).filter(k => k.endsWith("__palette")).forEach(k => localStorage.removeItem(k));
} catch (e) { /* no storage here */ }"""


def _stub_search_index(context: BrowserContext, site_dir: Path) -> None:
    """Serve the theme an empty search index: every page load would otherwise index the whole site
    again in a worker (half a second of a CI machine's time per page), and the audit checks the
    search box, not search results."""
    index = site_dir / "search" / "search_index.json"
    if not index.exists():
        return
    empty = json.dumps({"config": json.loads(index.read_text(encoding="utf-8"))["config"], "docs": []})
    context.route("**/search/search_index.json",
                  lambda route: route.fulfill(status=200, content_type="application/json", body=empty))


class _Tab:
    """The one browser tab of the audit; knows how many of its requests are still under way."""

    def __init__(self, context: BrowserContext) -> None:
        self.page = context.new_page()
        self.pending = 0
        self.page.on("request", lambda _: self._count(1))
        self.page.on("requestfinished", lambda _: self._count(-1))
        self.page.on("requestfailed", lambda _: self._count(-1))

    def _count(self, change: int) -> None:
        self.pending += change

    def open(self, url: str, scheme: str = "light") -> Page:
        """Load the page at 1280 px in the reader's colour scheme and wait until it has settled."""
        self.page.set_viewport_size({"width": 1280, "height": 800})
        self.page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        self.pending = 0
        self.page.goto(url, wait_until="load")
        self.settle()
        return self.page

    def set(self, width: int, height: int) -> None:
        """Narrow or widen the window, as a reader can (or zoom in), and let the page settle."""
        self.page.set_viewport_size({"width": width, "height": height})
        self.settle()

    def settle(self) -> None:
        """Wait until no request is under way, no part of the page says it is busy (aria-busy), and
        nothing has changed for 150 ms (charts drawn, scripts done); at most 30 s."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.pending <= 0 and self.page.evaluate("__a11y.settled(150, 5000)") and self.pending <= 0:
                return
            self.page.wait_for_timeout(50)


# ------------------------------------------------------------------------------ settings
def _desktop(page: Page, path: str, audit: Audit, judged: dict[str, str]) -> None:
    _axe(page, path, audit, "axe", DESKTOP)
    _titles(page, path, audit)
    _charts(page, path, audit)
    forwards = _walk_judging(page, judged, DESKTOP, audit.pictures)
    backwards = walk(page, backwards=True)
    _judge_walks(path, audit, forwards, backwards, judged, DESKTOP)
    _spacing(page, path, audit, DESKTOP)


def _dark(page: Page, path: str, audit: Audit, judged: dict[str, str]) -> None:
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    if scheme not in (None, "slate"):  # a page without the theme has no attribute to check
        raise AssertionError(f"{path or '/'} did not switch to dark colours (scheme {scheme!r})")
    _axe(page, path, audit, "axe-dark", DARK)
    _judge_walks(path, audit, _walk_judging(page, judged, DARK, audit.pictures), None, judged, DARK)


def _phone(page: Page, path: str, audit: Audit, judged: dict[str, str]) -> None:
    forwards = _walk_judging(page, judged, PHONE, audit.pictures)
    backwards = walk(page, backwards=True)
    _judge_walks(path, audit, forwards, backwards, judged, PHONE)


def _narrow(page: Page, path: str, audit: Audit) -> None:
    """The page's layout, with nothing focused (a focused control's tooltip is not the page)."""
    page.evaluate("() => { const el = __a11y.deepActive(); if (el && el.blur) el.blur(); }")
    audit.ran("reflow", path, NARROW)
    for problem in page.evaluate("__a11y.reflow()")["problems"]:
        audit.fail("reflow", path, problem)
    _spacing(page, path, audit, NARROW)


# ------------------------------------------------------------------------------ checks
def _axe(page: Page, path: str, audit: Audit, check: str, setting: str) -> None:
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                               resultTypes: ["violations"]});
            return {version: axe.version,
                    rules: axe.getRules(tags).length,
                    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(" "))}))};
        }""",
        WCAG_22_AA,
    )
    audit.axe_version, audit.axe_rules = result["version"], result["rules"]
    audit.ran(check, path, setting)
    for v in result["violations"]:
        audit.impacts[v["impact"]] = audit.impacts.get(v["impact"], 0) + len(v["targets"])
        if v["impact"] in ("serious", "critical"):
            shown = ", ".join(v["targets"][:3]) + (" and more" if len(v["targets"]) > 3 else "")
            audit.fail(check, path, f"{v['impact']} {v['id']} ({v['help']}): {len(v['targets'])} at {shown}")


def _titles(page: Page, path: str, audit: Audit) -> None:
    """The title starts with the first heading (then perhaps a date that tells it apart, and the
    site's name); the home page's title is the site's name."""
    found = page.evaluate("__a11y.titles()")
    audit.ran("titles", path, DESKTOP)
    title, h1s = found["title"], found["h1s"]
    audit.titles.setdefault(title, []).append(path or "/")
    if len(h1s) != 1:
        audit.fail("titles", path, f"the page has {len(h1s)} level-1 headings: {h1s}")
        return
    if found["first"] != "H1":
        audit.fail("titles", path, f"the first heading is an {found['first']}, not the level-1 heading")
    if path == "":
        if audit.site_name not in title:
            audit.fail("titles", path, f"the home page's title {title!r} does not name the site")
    elif not title.startswith(h1s[0]):
        audit.fail("titles", path, f"the title {title!r} does not start with the page's heading {h1s[0]!r}")


def _charts(page: Page, path: str, audit: Audit) -> None:
    found = page.evaluate("__a11y.charts()")
    if found["count"]:
        audit.ran("charts", path, DESKTOP, found["count"])
    for problem in found["problems"]:
        audit.fail("charts", path, problem)


def _spacing(page: Page, path: str, audit: Audit, setting: str) -> None:
    audit.ran("text-spacing", path, setting)
    for problem in page.evaluate("__a11y.textSpacing()"):
        audit.fail("text-spacing", path, f"{setting}: {problem}")


def _walk_judging(page: Page, judged: dict[str, str], setting: str, pictures: Path | None) -> Walk:
    """A forward walk that judges each new focus style the moment it first has focus, and keeps a
    picture of it in ``pictures`` (one per style and setting, to be looked at)."""
    known = {key.split("\x00", 1)[1] for key in judged if key.startswith(setting + "\x00")}

    def judge(stop: dict[str, Any]) -> None:
        name = re.sub(r"[^a-z0-9]+", "-", f"{len(judged):03d} {stop['what'][:50]}".lower()).strip("-")
        keep = pictures / re.sub(r"[^a-z0-9]+", "-", setting) / f"{name}.png" if pictures else None
        judged[f"{setting}\x00{stop['signature']}"] = judge_focus(page, stop["index"], keep)

    return walk(page, judge=judge, known=known)


def _judge_walks(path: str, audit: Audit, forwards: Walk, backwards: Walk | None,
                 judged: dict[str, str], setting: str) -> None:
    walks = [("forwards", forwards)] + ([("backwards", backwards)] if backwards else [])
    audit.tab_stops += len(forwards.stops)
    audit.ran("keyboard", path, setting, sum(len(w.stops) for _, w in walks))
    audit.ran("focus-visible", path, setting, len(forwards.stops))
    audit.ran("focus-not-obscured", path, setting, sum(len(w.stops) for _, w in walks))
    audit.ran("focus-indicator", path, setting, len(forwards.stops))
    for direction, done in walks:
        if not done.finished or (direction == "forwards" and not done.left_page):
            audit.fail("keyboard", path, f"{setting}: tabbing {direction}, focus went round "
                                         f"{len({s['uid'] for s in done.stops})} controls and never "
                                         "left the page (a keyboard trap)")
    if backwards is not None and forwards.finished and backwards.finished:
        # (not a control fixed to the screen, such as "Back to top", that shows in one direction only)
        missed = {s["uid"] for s in forwards.stops if not s["fixed"]} - {s["uid"] for s in backwards.stops}
        for stop in forwards.stops:
            if stop["uid"] in missed:
                audit.fail("keyboard", path, f"{setting}: Shift+Tab never reaches {stop['what']}, "
                                             "which Tab does")
    reported: set[tuple[str, str]] = set()

    def once(kind: str, what: str) -> bool:
        new = (kind, what) not in reported
        reported.add((kind, what))
        return new

    for direction, done in walks:
        for stop in done.stops:
            what = stop["what"]
            if not (stop["shown"] and stop["onScreen"]):
                if once("visible", what):
                    audit.fail("focus-visible", path, f"{setting}: {what} takes focus but is "
                                                      f"{'off the screen' if stop['shown'] else 'not shown'}")
                continue
            if _obscured(stop) and once("obscured", what):
                audit.fail("focus-not-obscured", path,
                           f"{setting}, tabbing {direction}: {what} is {round(stop['hidden'] * 100)}% "
                           f"hidden by {', '.join(stop['by'])}")
            if direction == "forwards":
                problem = judged.get(f"{setting}\x00{stop['signature']}", "its focus style was not judged")
                if problem and once("indicator", what):
                    audit.fail("focus-indicator", path, f"{setting}: {what}: {problem}")


def _obscured(stop: dict[str, Any]) -> bool:
    """Hidden in part, for a control that fits on screen; hidden entirely, for one that does not."""
    fits = stop["box"]["height"] <= stop["viewport"][1] / 2 and stop["inViewport"] >= 0.99
    return bool(stop["hidden"] > 0) if fits else bool(stop["hidden"] >= 1)
