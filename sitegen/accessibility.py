"""What the accessibility statement says, and where each part comes from.

- ``CHECKS``: each automated check the browser tests make, in the statement's words.
- ``content/accessibility/test-results.json``: what those checks found on the last run that changed
  the figures. The browser tests (tests/browser/test_accessibility.py) write it when asked
  (``make accessibility-statement``) and fail whenever it no longer matches what they find, so the
  statement's figures cannot drift from reality.
- ``content/accessibility/statement.yaml``: what people write: the contact, the dates, the known
  problems the tests confirm, and what the tests cannot tell.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from sitegen.content import CONTENT_DIR, ContentError
from sitegen.schema import Source, Strict, Text
from sitegen.yamlfile import read_yaml

M = TypeVar("M", bound=BaseModel)
FOLDER = CONTENT_DIR / "accessibility"
RESULTS = FOLDER / "test-results.json"
STATEMENT = FOLDER / "statement.yaml"

# The WCAG 2.2 success criteria the statement names, with their titles.
CRITERIA: dict[str, str] = {
    "1.1.1": "Non-text Content", "1.3.1": "Info and Relationships", "1.4.3": "Contrast (Minimum)",
    "1.4.10": "Reflow", "1.4.11": "Non-text Contrast", "1.4.12": "Text Spacing",
    "1.4.13": "Content on Hover or Focus", "2.1.1": "Keyboard", "2.1.2": "No Keyboard Trap",
    "2.4.2": "Page Titled", "2.4.3": "Focus Order", "2.4.6": "Headings and Labels",
    "2.4.7": "Focus Visible", "2.4.11": "Focus Not Obscured (Minimum)",
    "2.5.8": "Target Size (Minimum)", "4.1.2": "Name, Role, Value",
}
Criterion = Annotated[str, StringConstraints(pattern=r"^[1-4]\.\d{1,2}\.\d{1,2}$")]


class Check(BaseModel):
    """One automated check: what it looks at, in plain English, and the WCAG 2.2 criteria it covers."""

    model_config = ConfigDict(frozen=True)
    what: str
    criteria: tuple[str, ...] = ()


# The checks the browser tests make, in the order the statement lists them.
CHECKS: dict[str, Check] = {
    "axe": Check(what="axe-core's automated rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA "
                      "(colour contrast, names of links and controls, headings, landmarks, "
                      "target size and more), in light colours"),
    "axe-dark": Check(what="the same axe-core rules in dark colours"),
    "keyboard": Check(what="every control can be reached with Tab and with Shift+Tab, and focus "
                           "moves on through the page rather than getting stuck",
                      criteria=("2.1.1", "2.1.2")),
    "focus-visible": Check(what="the control that has keyboard focus is on the screen and visible",
                           criteria=("2.4.7",)),
    "focus-not-obscured": Check(what="nothing, such as the header that stays at the top of the "
                                     "screen, covers the control that has keyboard focus, tabbing "
                                     "forwards or backwards",
                                criteria=("2.4.11",)),
    "focus-indicator": Check(what="a control's look changes by a contrast of at least 3:1 when it "
                                  "has keyboard focus (pixels compared with and without focus)",
                             criteria=("2.4.7", "1.4.11")),
    "reflow": Check(what="at 320 pixels wide nothing scrolls sideways, except a wide table inside "
                         "a named area that keyboard users can scroll",
                    criteria=("1.4.10",)),
    "text-spacing": Check(what="with wider line, letter, word and paragraph spacing applied (as "
                               "WCAG sets out) no text is cut off, at 1280 and at 320 pixels wide",
                          criteria=("1.4.12",)),
    "charts": Check(what="every chart has a name or is hidden from screen readers, and a table of "
                         "the same figures follows it",
                    criteria=("1.1.1",)),
    "titles": Check(what="each page's title and its first heading say what the page is; no two "
                         "pages share a title",
                    criteria=("2.4.2", "2.4.6", "1.3.1")),
}


class CheckResult(Strict):
    """What one check found across the pages it ran on."""

    id: str
    pages: int = Field(ge=0)
    settings: list[Text]
    problems: int = Field(ge=0)  # problems found that are not known gaps: the tests fail on any
    known_gaps: list[Text] = Field(default_factory=list)  # pages where a known gap was confirmed


class AuditFigures(Strict):
    """The figures the statement gives, as the browser tests measured them."""

    updated: dt.date  # when the figures last changed (the tests run on every build)
    axe_core: Text
    axe_tags: list[Text]
    axe_rules: int = Field(ge=1)
    pages: int = Field(ge=1)
    dark_pages: int = Field(ge=1)
    phone_pages: int = Field(ge=1)
    charts: int = Field(ge=0)
    checks: list[CheckResult]

    def figures(self) -> dict[str, object]:
        """Everything but the date: what a new run must reproduce."""
        return self.model_dump(mode="json", exclude={"updated"})


class Contact(Strict):
    name: Text
    email: Text
    source: Source  # the paper that gives this contact


class KnownGap(Strict):
    """A problem the tests find and expect, until it is fixed; the statement lists it."""

    check: str
    page: Text  # as the tests name pages: "explorer/app/", "/" for the home page
    what: Text  # for readers: what does not work, and what to do instead
    criteria: list[Criterion]
    plan: Text  # what is being done about it


class Statement(Strict):
    """The parts of the statement people write."""

    run_by: Text | None = None  # who runs the website; left out of the statement when not stated
    contact: Contact
    respond_within: Text | None = None
    prepared: dt.date
    reviewed: dt.date
    known_gaps: list[KnownGap] = Field(default_factory=list)
    limits: list[Text]  # what the automated tests cannot tell


def site_name(config: Path = CONTENT_DIR.parent / "mkdocs.yml") -> str:
    """The site's name, from mkdocs.yml (read as text: the file has tags a safe loader refuses)."""
    for line in config.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_name:"):
            return line.split(":", 1)[1].strip().strip("\"'")
    raise ContentError([f"{_rel(config)}: no site_name"])


def load_results(path: Path = RESULTS) -> AuditFigures:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError([f"{_rel(path)}: {exc}"]) from exc
    return _valid(AuditFigures, data, path)


def load_statement(path: Path = STATEMENT) -> Statement:
    if not path.is_file():
        raise ContentError([f"{_rel(path)}: missing (the accessibility statement's words)"])
    source = read_yaml(path, _rel(path))  # the content files' reader: duplicated keys refused
    if source.problems:
        raise ContentError(source.problems)
    statement = _valid(Statement, source.data, path)
    problems = [f"{_rel(path)}: known gap on {g.page}: no check called {g.check!r} (one of "
                f"{', '.join(CHECKS)})" for g in statement.known_gaps if g.check not in CHECKS]
    problems += [f"{_rel(path)}: known gap on {g.page}: no criterion {c} in CRITERIA"
                 for g in statement.known_gaps for c in g.criteria if c not in CRITERIA]
    if problems:
        raise ContentError(problems)
    return statement


def _valid(model: type[M], data: object, path: Path) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ContentError([f"{_rel(path)}: {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
                            for e in exc.errors()]) from exc


def write_results(results: AuditFigures, path: Path = RESULTS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_DIR.parent))
    except ValueError:
        return str(path)
