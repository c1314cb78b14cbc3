"""The accessibility statement, in the form GOV.UK sets for public-sector websites.

Its figures come from content/accessibility/test-results.json, which the browser tests write and
check (see sitegen/accessibility.py); its words for readers from content/accessibility/statement.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitegen.accessibility import CHECKS, CRITERIA, AuditFigures, KnownGap, Statement
from sitegen.content import Content
from sitegen.markdown import cell, cite, long_date, plural, text

URI = "accessibility.md"
WCAG = "https://www.w3.org/TR/WCAG22/"
EASS = "https://www.equalityadvisoryservice.com/"
ABILITYNET = "https://mcmw.abilitynet.org.uk/"


def page(content: Content, statement: Statement, results: AuditFigures | None, site_name: str) -> str:
    """The statement; with no test results yet, it says so rather than claim anything."""
    if results is None:
        return _unmeasured(statement, content, site_name)
    gaps = [g for g in statement.known_gaps if _confirmed(g.check, g.page, results)]
    problems = sum(r.problems for r in results.checks)
    parts = [
        "# Accessibility statement",
        f"This accessibility statement applies to this website, {text(site_name)}: every page "
        "of it, the scenario explorer included.",
        _intro(statement),
        "## How accessible this website is",
        _how_accessible(gaps, problems),
        "## Feedback and contact information",
        _contact(statement, content),
        "## Reporting accessibility problems with this website",
        "We're always looking to improve the accessibility of this website. If you find a problem "
        "not listed on this page, or think we're not meeting accessibility requirements, email "
        f"{_email(statement)}. Tell us the page's address and what went wrong.",
        "## Enforcement procedure",
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public "
        "Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 "
        "(the 'accessibility regulations'). If you're not happy with how we respond to your "
        f"complaint, contact the [Equality Advisory and Support Service (EASS)]({EASS}).",
        "## Technical information about this website's accessibility",
        f"{text(statement.run_by) if statement.run_by else 'We are'} committed to making this website "
        "accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) "
        "(No. 2) Accessibility Regulations 2018.",
        "### Compliance status",
        _compliance(gaps, problems),
        "### Non-accessible content",
        _non_accessible(gaps, results),
        "### How we tested this website",
        _how_tested(results),
        _results_table(results, gaps),
        "### What the automated tests cannot tell",
        "Automated tests find many problems, not all. These are the limits we know of:",
        _bullets(text(limit) for limit in statement.limits),
        "## Preparation of this accessibility statement",
        f"This statement was prepared on {long_date(statement.prepared)}. It was last reviewed on "
        f"{long_date(statement.reviewed)}.",
        "This website is tested every time it changes, before it is published, by the automated "
        f"tests described above. Their figures last changed on {long_date(results.updated)}; "
        "a change to the website that makes the figures on this page untrue stops it being published "
        "until this page is brought up to date.",
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _unmeasured(statement: Statement, content: Content, site_name: str) -> str:
    return "\n\n".join([
        "# Accessibility statement",
        f"This accessibility statement applies to this website, {text(site_name)}.",
        "The automated tests have not yet recorded what they found, so we cannot yet say how "
        "accessible this website is.",
        "## Feedback and contact information",
        _contact(statement, content),
    ]) + "\n"


def _confirmed(check: str, page: str, results: AuditFigures) -> bool:
    return any(r.id == check and page in r.known_gaps for r in results.checks)


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _email(statement: Statement) -> str:
    address = statement.contact.email
    return f"{text(statement.contact.name)} at [{text(address)}](mailto:{address})"


def _intro(statement: Statement) -> str:
    run_by = f"This website is run by {text(statement.run_by)}. " if statement.run_by else ""
    return (f"{run_by}We want as many people as possible to be able to use this website. For "
            "example, that means you should be able to:\n\n" + _bullets([
                "change colours, contrast levels and fonts using browser or device settings, and "
                "switch between light and dark colours",
                "zoom in up to 400% without the text spilling off the screen",
                "reach every link and control with just a keyboard, and always see where you are",
                "read the figures behind every chart in a table next to it",
                "listen to the website using a screen reader",
            ]) + "\n\nWe've also made the website text as simple as possible to understand.\n\n"
            f"[AbilityNet]({ABILITYNET}) has advice on making your device easier to use if you have "
            "a disability.")


def _how_accessible(gaps: list[KnownGap], problems: int) -> str:
    if not gaps and not problems:
        return ("Our tests find no part of this website that falls short of the standard below. "
                "Automated tests cannot find every problem, though: see what they cannot tell, "
                "further down.")
    lines = ["We know some parts of this website are not fully accessible:", "",
             _bullets(text(g.what) for g in gaps)]
    if problems:
        lines += ["", f"Our automated tests also found {plural(problems, 'problem')} we have not yet "
                      "fixed or described (see the table below)."]
    return "\n".join(lines)


def _contact(statement: Statement, content: Content) -> str:
    contact = statement.contact
    respond = f" {text(statement.respond_within)}" if statement.respond_within else ""
    return (f"If you need information on this website in a different format, such as accessible "
            f"PDF, large print, easy read or audio, or find something hard to use, email "
            f"{_email(statement)}. Say which page (its address) and what you need.{respond}\n\n"
            f"The committee's papers give this address for questions about the committee "
            f"({cite(contact.source, content, URI)}).")


def _compliance(gaps: list[KnownGap], problems: int) -> str:
    standard = f"[Web Content Accessibility Guidelines version 2.2]({WCAG}) AA standard"
    if not gaps and not problems:
        return f"This website is fully compliant with the {standard}."
    return (f"This website is partially compliant with the {standard}, due to the non-compliances "
            "listed below.")


def _non_accessible(gaps: list[KnownGap], results: AuditFigures) -> str:
    if not gaps:
        return "We know of no content on this website that fails the WCAG 2.2 AA standard."
    items = []
    for gap in gaps:
        criteria = "; ".join(f"{c} ({CRITERIA[c]})" for c in gap.criteria)
        failing = "success criterion" if len(gap.criteria) == 1 else "success criteria"
        items.append(f"{text(gap.what)} This fails WCAG 2.2 {failing} {criteria}. {text(gap.plan)}")
    return ("The content listed below is non-accessible for the following reasons.\n\n"
            "#### Non-compliance with the accessibility regulations\n\n" + _bullets(items))


def _how_tested(results: AuditFigures) -> str:
    return (
        "Every change to this website is tested automatically before it is published. A "
        f"Chromium browser opens each of its {results.pages} pages and checks it with "
        f"[axe-core](https://github.com/dequelabs/axe-core) {text(results.axe_core)} (its "
        f"{results.axe_rules} rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA), then with checks "
        "of our own for what axe-core cannot judge: it presses Tab and Shift+Tab through every "
        "control and looks at each one as it takes focus, narrows the window to 320 pixels, "
        "applies wider text spacing, and reads every chart and page title. All pages are checked "
        f"in light colours on a 1280-pixel-wide screen and at 320 pixels wide; {results.dark_pages} "
        "of them (the home page, the first page of each section, the scenario explorer and about "
        "one in six of the rest) in dark colours too, and the same pages on a 390-pixel-wide "
        f"phone screen. It found {plural(results.charts, 'chart')} to check. Publishing stops if "
        "any check finds a problem not listed on this page.")


def _results_table(results: AuditFigures, gaps: list[KnownGap]) -> str:
    rows = []
    for result in results.checks:
        check = CHECKS[result.id]
        criteria = ", ".join(check.criteria) or "many"
        found = [g.page for g in gaps if g.check == result.id]
        if result.problems:
            outcome = f"{plural(result.problems, 'problem')} to fix"
        elif found:
            outcome = "Known problem on " + ", ".join(f"`/{p.strip('/')}/`" if p != "/" else "`/`"
                                                      for p in found) + " (listed above)"
        else:
            outcome = "No problems"
        settings = cell(", ".join(result.settings))
        rows.append(f"| {cell(check.what)} | {criteria} | {result.pages} ({settings}) | {outcome} |")
    return "\n".join(["| What is checked | WCAG 2.2 | Pages | Result |", "| --- | --- | --- | --- |", *rows])
