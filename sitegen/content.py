"""Load and check every file under ``content/``.

A maintainer adds next month's pack by adding files here; if one is wrong, the build stops with
the file, the field and what was expected, and lists every problem at once so one run finds them all.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from sitegen.kinds import KINDS
from sitegen.messages import explain, fields_at, is_placeholder, where
from sitegen.rules import completeness_problems
from sitegen.schema import (
    ActionPlan,
    Document,
    FollowUps,
    GlossaryTerm,
    Indicator,
    IndicatorPoint,
    Meeting,
    Minutes,
    Progress,
    Report,
)
from sitegen.schemas import missing_schema_comment
from sitegen.yamlfile import YamlFile, read_yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

M = TypeVar("M", bound=BaseModel)


class ContentError(Exception):
    """Every problem found in the content files, one per line."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Content:
    documents: dict[str, Document] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    minutes: dict[str, Minutes] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    action_plans: dict[str, ActionPlan] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    points: list[IndicatorPoint] = field(default_factory=list)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    follow_ups: dict[str, FollowUps] = field(default_factory=dict)  # by meeting date
    progress: dict[str, Progress] = field(default_factory=dict)  # by document id
    # Every file as read, by the name messages use (content/reports/x.yaml), for line numbers.
    files: dict[str, YamlFile] = field(default_factory=dict)
    # Ids of files and entries that exist but did not load: links to them are not the problem.
    broken: set[str] = field(default_factory=set)
    # Problems that leave every file readable (a missing schema line): the record rules still run.
    advice: list[str] = field(default_factory=list)

    def at(self, origin: str, *loc: str | int) -> str:
        """'content/x.yaml:12', the line of ``loc`` in that file (or just the file)."""
        source = self.files.get(origin)
        return f"{origin}:{source.line_of(loc)}" if source is not None else origin


def _origin(path: Path, root: Path) -> str:
    """How messages name a file: content/reports/x.yaml, wherever the folder is."""
    try:
        return f"content/{path.relative_to(root).as_posix()}"
    except ValueError:
        return str(path)


def _validate(model: type[M], data: Any, origin: str, problems: list[str], source: YamlFile | None,
              prefix: tuple[int, ...] = ()) -> M | None:
    """The model, or None with one line per problem: file:line: where: what to write instead."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        misspelt = {(e["loc"][:-1], m) for e in errors if e["type"] == "extra_forbidden"
                    for m in difflib.get_close_matches(str(e["loc"][-1]), fields_at(model, e["loc"][:-1]), 1)}
        for error in errors:
            if is_placeholder(error.get("input")):
                continue  # reported once, by _placeholders
            if error["type"] == "missing" and (error["loc"][:-1], error["loc"][-1]) in misspelt:
                continue  # "did you mean" on the misspelt key says it all
            loc = (*prefix, *error["loc"])
            line = f":{source.line_of(loc)}" if source is not None else ""
            problems.append(f"{origin}{line}: {where(loc)}: {explain(error, model)}")
        return None


def _placeholders(source: YamlFile, node: Any = None, loc: tuple[str | int, ...] = ()) -> list[str]:
    """Every value `python -m sitegen new` left as a placeholder for the maintainer to fill in."""
    node = source.data if not loc else node
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _placeholders(source, value, (*loc, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _placeholders(source, value, (*loc, index))
    elif is_placeholder(node):
        found.append(f"{source.origin}:{source.line_of(loc)}: {where(loc)}: still to write ({node})")
    return found


def _read(path: Path, root: Path, content: Content, problems: list[str]) -> YamlFile:
    source = read_yaml(path, _origin(path, root))
    problems.extend(source.problems)
    wanted = missing_schema_comment(root, path) if not source.problems else None
    if wanted:
        content.advice.append(f"{source.origin}:1: start the file with the line '{wanted}', so "
                              "editors check it as you type (python -m sitegen schemas adds it)")
    if source.data is not None:
        problems.extend(_placeholders(source))
    content.files[source.origin] = source
    return source


def _load_list(model: type[M], path: Path, root: Path, content: Content,
               problems: list[str]) -> list[M]:
    source = _read(path, root, content, problems)
    if source.data is None:
        return []
    if not isinstance(source.data, list):
        problems.append(f"{source.origin}:1: expected a list of entries, each starting with '- '")
        return []
    loaded = []
    for index, entry in enumerate(source.data):
        item = _validate(model, entry, source.origin, problems, source, (index,))
        if item is not None:
            loaded.append(item)
        elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
            content.broken.add(entry["id"])  # known, though wrong: no "has no entry" messages
    return loaded


def _load_each(model: type[M], folder: Path, root: Path, content: Content,
               problems: list[str]) -> list[tuple[YamlFile, M]]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        source = _read(path, root, content, problems)
        if source.data is None:
            content.broken.add(path.stem)
            continue
        item = _validate(model, source.data, source.origin, problems, source)
        if item is not None:
            out.append((source, item))
        else:
            content.broken.add(path.stem)  # the file exists: links to it are not the problem
    return out


def _load_points(folder: Path, root: Path, problems: list[str]) -> list[IndicatorPoint]:
    columns = list(IndicatorPoint.model_fields)
    points = []
    for path in sorted(folder.glob("*.csv")):
        origin = _origin(path, root)
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                unknown = [c for c in reader.fieldnames or [] if c not in columns]
                if unknown or not reader.fieldnames:
                    problems.append(f"{origin}:1: the first line must name the columns "
                                    f"{','.join(columns)} (unknown: {', '.join(unknown) or 'none'})")
                    continue
                for row in reader:
                    cleaned = {k: (v if v != "" else None) for k, v in row.items() if k is not None}
                    line = reader.line_num
                    try:
                        point = IndicatorPoint.model_validate(cleaned)
                    except ValidationError as exc:
                        problems.extend(f"{origin}:{line}: {where(e['loc'])}: {explain(e, IndicatorPoint)}"
                                        for e in exc.errors())
                        continue
                    points.append(point)
        except UnicodeDecodeError:
            problems.append(f"{origin}: not UTF-8 text: save the file as UTF-8")
    return points


def _check_unique(keys: Iterable[tuple[str, str]], what: str, problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for key, origin in keys:
        if key in seen:
            problems.append(f"{origin}: {what} '{key}' is also used by {seen[key]}")
        seen.setdefault(key, origin)


def load_content(root: Path = CONTENT_DIR) -> Content:
    """Read every content file; raise ContentError listing every problem found, one line each."""
    problems: list[str] = []
    content = Content()

    for doc in _load_list(Document, root / "documents.yaml", root, content, problems):
        content.documents[doc.id] = doc
    for kind in KINDS:
        if kind.many:
            continue
        store = getattr(content, kind.attr)
        for source, entry in _load_each(kind.model, root / posixpath.dirname(kind.pattern), root,
                                        content, problems):
            key = getattr(entry, kind.key)
            key = key.isoformat() if isinstance(key, dt.date) else key
            _expect_stem(source, key, (kind.key,), problems)
            store[key] = entry
    for indicator in _load_list(Indicator, root / "indicators" / "catalogue.yaml", root, content,
                                problems):
        content.indicators[indicator.id] = indicator
    content.points = _load_points(root / "indicators" / "points", root, problems)
    content.glossary = _load_list(GlossaryTerm, root / "glossary.yaml", root, content, problems)

    problems.extend(cross_reference_problems(content))
    problems.extend(unknown_document_problems(content))
    if not problems:  # the record rules need every file loaded and every document known
        from sitegen.records import record_problems

        problems.extend(record_problems(content))
    problems.extend(content.advice)
    problems.extend(completeness_problems(content))
    if problems:
        raise ContentError(problems)
    return content


def _expect_stem(source: YamlFile, expected: str, loc: tuple[str, ...], problems: list[str]) -> None:
    name = source.origin.rsplit("/", 1)[-1]
    if name != f"{expected}.yaml":
        problems.append(f"{source.origin}:{source.line_of(loc)}: the file should be named "
                        f"'{expected}.yaml' to match its {loc[0]} (rename it, or correct the {loc[0]})")


def cross_reference_problems(content: Content) -> list[str]:
    """Links between files that must resolve: a dangling one would be a broken page link."""
    problems: list[str] = []

    def missing(key: str, known: Iterable[str]) -> bool:
        return key not in known and key not in content.broken

    for key, meeting in content.meetings.items():
        origin = f"content/meetings/{key}.yaml"
        for i, item in enumerate(meeting.agenda):
            if item.report and missing(item.report, content.reports):
                problems.append(f"{content.at(origin, 'agenda', i, 'report')}: agenda item {item.number} "
                                f"links to report '{item.report}', which has no file in content/reports/ "
                                f"(python -m sitegen new report {item.report} --meeting {key})")
            if item.minutes_of and missing(item.minutes_of.isoformat(), content.minutes):
                problems.append(f"{content.at(origin, 'agenda', i, 'minutes_of')}: agenda item "
                                f"{item.number} approves the minutes of {item.minutes_of}, which have no "
                                f"file: add content/minutes/{item.minutes_of}.yaml")
    for key, minutes in content.minutes.items():
        for i, mitem in enumerate(minutes.items):
            if mitem.report and missing(mitem.report, content.reports):
                problems.append(f"{content.at(f'content/minutes/{key}.yaml', 'items', i, 'report')}: "
                                f"item {mitem.number} links to report '{mitem.report}', which has no "
                                "file in content/reports/")
    for rid, report in content.reports.items():
        origin = f"content/reports/{rid}.yaml"
        for i, plan_id in enumerate(report.action_plans):
            if missing(plan_id, content.action_plans):
                problems.append(f"{content.at(origin, 'action_plans', i)}: action plan '{plan_id}' has "
                                f"no file in content/action-plans/ (python -m sitegen new plan {plan_id} "
                                f"--report {rid})")
        if report.meeting and missing(report.meeting.isoformat(), content.meetings):
            problems.append(f"{content.at(origin, 'meeting')}: meeting {report.meeting} has no file in "
                            f"content/meetings/ (python -m sitegen new meeting {report.meeting})")
    for pid, plan in content.action_plans.items():
        origin = f"content/action-plans/{pid}.yaml"
        if plan.report and missing(plan.report, content.reports):
            problems.append(f"{content.at(origin, 'report')}: report '{plan.report}' has no file in "
                            "content/reports/")
        elif plan.report in content.reports and pid not in content.reports[plan.report].action_plans:
            problems.append(f"{content.at(f'content/reports/{plan.report}.yaml', 'action_plans')}: add "
                            f"'{pid}' to action_plans (the plan names this report as its own)")
        _check_unique(((a.ref, content.at(origin, 'actions', i, 'ref')) for i, a in enumerate(plan.actions)),
                      "action reference", problems)
    for indicator in sorted({p.indicator for p in content.points}):
        if missing(indicator, content.indicators):
            problems.append(f"content/indicators/points: indicator '{indicator}' is not in "
                            "content/indicators/catalogue.yaml: add it there, or correct the id")
    return problems


def _cited(node: Any, loc: tuple[str | int, ...] = ()) -> Iterable[tuple[str, tuple[str | int, ...]]]:
    """Every document id a file cites, with where: each `doc:` and each entry of `used_in:`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "doc" and isinstance(value, str):
                yield value, (*loc, key)
            elif key == "used_in" and isinstance(value, list):
                yield from ((v, (*loc, key, i)) for i, v in enumerate(value) if isinstance(v, str))
            else:
                yield from _cited(value, (*loc, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _cited(value, (*loc, index))


def unknown_document_problems(content: Content) -> list[str]:
    known = set(content.documents) | content.broken
    problems = []
    for source in content.files.values():
        for doc, loc in _cited(source.data):
            if doc not in known:
                problems.append(f"{source.origin}:{source.line_of(loc)}: {where(loc)}: cites document "
                                f"'{doc}', which is not in content/documents.yaml (add it there, or "
                                "correct the id)")
    for doc in sorted({p.doc for p in content.points} - known):
        problems.append(f"content/indicators/points: cites document '{doc}', which is not in "
                        "content/documents.yaml")
    return problems
