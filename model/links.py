"""A scenario as a link: the address fragment the explorer writes, and reads back.

    #scenario=rising-lac&edge_of_care_families=200&a.scenario=falling-lac&a.uasc=40

``scenario`` names the preset; every other name is a setting of the model (as ``--set`` takes it),
written only when it differs from the preset. Names starting ``a.`` are the pinned scenario A the
reader compares with. ``at`` and ``view`` say where the page is (a heading, the full-screen view)
and mean nothing to the model.

The explorer's page reads links with ``explorer/static/link.mjs`` and the command line with this
module (``python -m model run --link URL``). Both follow the rules below, and one list of cases
(``tests/cases/links.json``) is run against both, so a link means the same wherever it is opened:

- the fragment is read up to ``MAX_LENGTH`` characters, and then only up to the last ``&``
  before that point, so a cut drops whole settings and never changes a value;
- a name given twice keeps its first value; the repeat is refused;
- the values themselves are checked by ``model.validation`` (the page reads the same rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus, urlsplit

MAX_LENGTH = 4000
PINNED_PREFIX = "a."
SCENARIO = "scenario"
PAGE_KEYS = ("at", "view")


@dataclass(frozen=True, slots=True)
class LinkProblem:
    """Part of a link that was not read: why, in a word the page and the tests share."""

    key: str
    value: str
    reason: str  # "cut" | "repeated" | "unknown-scenario" | "unnamed"


@dataclass(slots=True)
class LinkScenario:
    """One scenario as the link gives it: the preset's id, and each setting as written."""

    scenario: str | None = None
    settings: dict[str, str] = field(default_factory=dict)

    def request(self, default: str) -> dict[str, Any]:
        """What ``model.api.compute`` is asked: the values are checked there."""
        return {"scenario": self.scenario or default, "overrides": dict(self.settings)}


@dataclass(slots=True)
class Link:
    shown: LinkScenario = field(default_factory=LinkScenario)
    pinned: LinkScenario | None = None
    page: dict[str, str] = field(default_factory=dict)
    problems: list[LinkProblem] = field(default_factory=list)


def fragment_of(link: str) -> str:
    """The part after '#' of a whole address, or the text itself if it has no '#'."""
    if "#" in link:
        return urlsplit(link).fragment if "://" in link else link.split("#", 1)[1]
    return link


def is_scenario(fragment: str) -> bool:
    """A fragment with no '=' is an ordinary anchor (a heading's id), not a scenario."""
    return "=" in fragment


def _cut(text: str) -> tuple[str, int]:
    """The text up to MAX_LENGTH, ending at a '&', and how many pairs were dropped."""
    if len(text) <= MAX_LENGTH:
        return text, 0
    end = text.rfind("&", 0, MAX_LENGTH + 1)
    kept = text[:end] if end >= 0 else ""
    dropped = [pair for pair in text[len(kept):].split("&") if pair]
    return kept, len(dropped)


def read_link(fragment: str, presets: tuple[str, ...] | list[str] = ()) -> Link:
    """Split a fragment into the shown scenario, the pinned one, the page's place and problems.

    ``presets``: the preset ids a ``scenario`` may name (empty: any is kept, and the model refuses
    an unknown one). Values are kept as written; ``model.api.compute`` checks them.
    """
    link = Link()
    text, dropped = _cut(fragment_of(fragment).removeprefix("#"))
    seen: set[str] = set()
    for pair in text.split("&"):
        if not pair:
            continue
        raw_key, _, raw_value = pair.partition("=")
        key, value = unquote_plus(raw_key, errors="replace"), unquote_plus(raw_value, errors="replace")
        if key in seen:
            link.problems.append(LinkProblem(key, value, "repeated"))
            continue
        seen.add(key)
        if key == "":
            link.problems.append(LinkProblem(key, value, "unnamed"))
            continue
        if key in PAGE_KEYS:
            link.page[key] = value
            continue
        target = link.shown
        name = key
        if key.startswith(PINNED_PREFIX):
            if link.pinned is None:
                link.pinned = LinkScenario()
            target, name = link.pinned, key[len(PINNED_PREFIX):]
        if name == SCENARIO:
            if presets and value not in presets:
                link.problems.append(LinkProblem(key, value, "unknown-scenario"))
            else:
                target.scenario = value
            continue
        target.settings[name] = value
    if dropped:
        link.problems.append(LinkProblem("", str(dropped), "cut"))
    return link
