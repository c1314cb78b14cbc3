"""The accessibility statement says what the tests found, in GOV.UK's form, and nothing more."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from sitegen.accessibility import (
    CHECKS,
    CRITERIA,
    AuditFigures,
    CheckResult,
    KnownGap,
    load_results,
    load_statement,
)
from sitegen.content import ContentError, load_content
from sitegen.pages import accessibility

GOV_UK_HEADINGS = [
    "# Accessibility statement", "## How accessible this website is", "## Feedback and contact information",
    "## Reporting accessibility problems with this website", "## Enforcement procedure",
    "## Technical information about this website's accessibility", "### Compliance status",
    "### Non-accessible content", "### How we tested this website",
    "## Preparation of this accessibility statement",
]


def results(*, gaps: dict[str, list[str]] | None = None, problems: int = 0) -> AuditFigures:
    gaps = gaps or {}
    return AuditFigures(
        updated=dt.date(2026, 12, 4), axe_core="4.14.1", axe_tags=["wcag2a", "wcag22aa"], axe_rules=70,
        pages=124, dark_pages=21, phone_pages=21, charts=61,
        checks=[CheckResult(id=c, pages=124, settings=["1280 px, light"],
                            problems=problems if c == "axe" else 0, known_gaps=gaps.get(c, []))
                for c in CHECKS])


def statement_page(found: AuditFigures, *known: KnownGap) -> str:
    statement = load_statement().model_copy(update={"known_gaps": list(known)})
    return accessibility.page(load_content(), statement, found, "Example site")


GAP = KnownGap(check="focus-indicator", page="explorer/app/",
               what="The explorer's focus outline is pale.", criteria=["2.4.7"], plan="It is being rebuilt.")


def test_the_statement_follows_the_gov_uk_model_and_gives_the_measured_figures() -> None:
    page = statement_page(results())
    positions = [page.index(heading + "\n") for heading in GOV_UK_HEADINGS]
    assert positions == sorted(positions)
    assert "fully compliant with the [Web Content Accessibility Guidelines version 2.2]" in page
    assert "each of its 124 pages" in page
    assert "axe-core](https://github.com/dequelabs/axe-core) 4.14.1" in page
    assert "70 rules" in page and "; 21 of them (the home page" in page and "61 charts" in page
    assert "Equality Advisory and Support Service" in page
    assert "4 December 2026" in page
    for check in CHECKS.values():
        assert check.what in page


def test_a_known_gap_appears_only_while_the_tests_still_find_it() -> None:
    confirmed = statement_page(results(gaps={"focus-indicator": ["explorer/app/"]}), GAP)
    assert "partially compliant" in confirmed
    assert ("The explorer's focus outline is pale. This fails WCAG 2.2 success criterion 2.4.7 "
            "(Focus Visible).") in confirmed
    assert "Known problem on `/explorer/app/`" in confirmed
    gone = statement_page(results(), GAP)
    assert "pale" not in gone and "fully compliant" in gone


def test_problems_the_tests_found_and_nobody_described_are_not_hidden() -> None:
    page = statement_page(results(problems=3))
    assert "partially compliant" in page
    assert "3 problems we have not yet fixed" in page and "| 3 problems to fix |" in page


def test_with_no_figures_yet_the_statement_claims_nothing() -> None:
    page = accessibility.page(load_content(), load_statement(), None, "Example site")
    assert "compliant" not in page and "cannot yet say how accessible" in page
    assert "Direct.Democracy@thurrock.gov.uk" in page


def test_the_committed_statement_and_figures_are_valid() -> None:
    statement, found = load_statement(), load_results()
    assert {r.id for r in found.checks} == set(CHECKS)
    assert found.axe_core == "4.14.1"  # the version package.json pins
    for gap in statement.known_gaps:
        assert gap.check in CHECKS
    assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", statement.contact.email)
    assert statement.contact.source.doc in load_content().documents


def test_every_criterion_the_statement_names_has_its_title() -> None:
    assert all(c in CRITERIA for check in CHECKS.values() for c in check.criteria)


@pytest.mark.parametrize(("gap", "message"), [
    ({"check": "colour", "criteria": ["1.4.3"]}, "known gap on /: no check called 'colour'"),
    ({"check": "reflow", "criteria": ["9.9"]}, "known_gaps.0.criteria.0: String should match pattern"),
    ({"check": "reflow", "criteria": ["3.2.6"]}, "known gap on /: no criterion 3.2.6"),
])
def test_a_known_gap_must_name_a_check_and_a_criterion_the_statement_knows(
        tmp_path: Path, gap: dict[str, object], message: str) -> None:
    data = load_statement().model_dump(mode="json")
    data["known_gaps"] = [{"page": "/", "what": "x", "plan": "y", **gap}]
    bad = tmp_path / "statement.yaml"
    bad.write_text(yaml.safe_dump(data))
    with pytest.raises(ContentError) as raised:
        load_statement(bad)
    assert message in str(raised.value)
