"""Load and check every file under ``content/``.

A maintainer adds next month's pack by adding files here; if one is wrong, the build stops with
the file, the field and what was expected, and lists every problem at once so one run finds them all.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

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


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    expected = error["msg"]
    if error["type"] == "extra_forbidden":
        expected = "unknown field (check the spelling against sitegen/schema.py)"
    elif error["type"] == "string_type" and not isinstance(error.get("input"), dict | list):
        expected = f"expected text, got {error.get('input')!r}: put the value in quotes"
    return f"{where}: {expected}"


def _validate(model: type[M], data: Any, origin: str, problems: list[str]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(f"{origin}: {_describe(err)}" for err in exc.errors())
        return None


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        problems.append(f"{_rel(path)}: not valid YAML: {exc}")
        return None


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(CONTENT_DIR.parent))
    except ValueError:
        return str(path)


def _load_list(model: type[M], path: Path, problems: list[str]) -> list[M]:
    data = _read_yaml(path, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(f"{_rel(path)}: expected a list of entries at the top level")
        return []
    loaded = [_validate(model, entry, f"{_rel(path)}: entry {i + 1}", problems) for i, entry in
              enumerate(data)]
    return [item for item in loaded if item is not None]


def _load_each(model: type[M], folder: Path, problems: list[str]) -> list[tuple[Path, M]]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = _read_yaml(path, problems)
        if data is None:
            continue
        item = _validate(model, data, _rel(path), problems)
        if item is not None:
            out.append((path, item))
    return out


def _load_points(folder: Path, problems: list[str]) -> list[IndicatorPoint]:
    points = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line_no, row in enumerate(csv.DictReader(handle), start=2):
                cleaned = {k: (v if v != "" else None) for k, v in row.items()}
                point = _validate(IndicatorPoint, cleaned, f"{_rel(path)}: line {line_no}",
                                  problems)
                if point is not None:
                    points.append(point)
    return points


def _check_unique(keys: Iterable[tuple[str, str]], what: str, problems: list[str]) -> None:
    seen: dict[str, str] = {}
    for key, origin in keys:
        if key in seen:
            problems.append(f"{origin}: {what} '{key}' is also used by {seen[key]}")
        seen.setdefault(key, origin)


def load_content(root: Path = CONTENT_DIR) -> Content:
    """Read every content file; raise ContentError listing every problem found."""
    problems: list[str] = []
    content = Content()

    for doc in _load_list(Document, root / "documents.yaml", problems):
        content.documents[doc.id] = doc
    for path, meeting in _load_each(Meeting, root / "meetings", problems):
        _expect_stem(path, meeting.date.isoformat(), problems)
        content.meetings[meeting.date.isoformat()] = meeting
    for path, minutes in _load_each(Minutes, root / "minutes", problems):
        _expect_stem(path, minutes.meeting.isoformat(), problems)
        content.minutes[minutes.meeting.isoformat()] = minutes
    for path, report in _load_each(Report, root / "reports", problems):
        _expect_stem(path, report.id, problems)
        content.reports[report.id] = report
    for path, plan in _load_each(ActionPlan, root / "action-plans", problems):
        _expect_stem(path, plan.id, problems)
        content.action_plans[plan.id] = plan
    for indicator in _load_list(Indicator, root / "indicators" / "catalogue.yaml", problems):
        content.indicators[indicator.id] = indicator
    content.points = _load_points(root / "indicators" / "points", problems)
    content.glossary = _load_list(GlossaryTerm, root / "glossary.yaml", problems)
    for path, follow_ups in _load_each(FollowUps, root / "follow-ups", problems):
        _expect_stem(path, follow_ups.meeting.isoformat(), problems)
        content.follow_ups[follow_ups.meeting.isoformat()] = follow_ups
    for path, progress in _load_each(Progress, root / "progress", problems):
        _expect_stem(path, progress.doc, problems)
        content.progress[progress.doc] = progress

    problems.extend(cross_reference_problems(content))
    problems.extend(unknown_document_problems(content))
    if not problems:  # the record rules need every file loaded and every document known
        from sitegen.records import record_problems

        problems.extend(record_problems(content))
    if problems:
        raise ContentError(problems)
    return content


def _expect_stem(path: Path, expected: str, problems: list[str]) -> None:
    if path.stem != expected:
        problems.append(f"{_rel(path)}: file name should be '{expected}.yaml' to match its id/date")


def cross_reference_problems(content: Content) -> list[str]:
    """Links between files that must resolve: a dangling one would be a broken page link."""
    problems: list[str] = []
    for key, meeting in content.meetings.items():
        for item in meeting.agenda:
            if item.report and item.report not in content.reports:
                problems.append(f"content/meetings/{key}.yaml: agenda item {item.number} links "
                                f"to report '{item.report}', which has no file in content/reports/")
            if item.minutes_of and item.minutes_of.isoformat() not in content.minutes:
                problems.append(f"content/meetings/{key}.yaml: agenda item {item.number} approves "
                                f"the minutes of {item.minutes_of}, which have no file in content/minutes/")
    for key, minutes in content.minutes.items():
        for mitem in minutes.items:
            if mitem.report and mitem.report not in content.reports:
                problems.append(f"content/minutes/{key}.yaml: item {mitem.number} links to report "
                                f"'{mitem.report}', which has no file in content/reports/")
    for rid, report in content.reports.items():
        for plan_id in report.action_plans:
            if plan_id not in content.action_plans:
                problems.append(f"content/reports/{rid}.yaml: action plan '{plan_id}' has no file "
                                "in content/action-plans/")
        if report.meeting and report.meeting.isoformat() not in content.meetings:
            problems.append(f"content/reports/{rid}.yaml: meeting {report.meeting} has no file in "
                            "content/meetings/")
    for pid, plan in content.action_plans.items():
        if plan.report and plan.report not in content.reports:
            problems.append(f"content/action-plans/{pid}.yaml: report '{plan.report}' has no file "
                            "in content/reports/")
        elif plan.report and pid not in content.reports[plan.report].action_plans:
            problems.append(f"content/reports/{plan.report}.yaml: add '{pid}' to action_plans (the "
                            "plan names this report as its own)")
        _check_unique(((a.ref, f"content/action-plans/{pid}.yaml") for a in plan.actions),
                      "action reference", problems)
    for point in content.points:
        if point.indicator not in content.indicators:
            problems.append(f"content/indicators/points: indicator '{point.indicator}' is not in "
                            "content/indicators/catalogue.yaml")
    return problems


def _sources(node: Any) -> Iterable[str]:
    """Every document id cited anywhere inside a content object."""
    if isinstance(node, BaseModel):
        doc = getattr(node, "doc", None)
        if isinstance(doc, str):
            yield doc
        yield from getattr(node, "used_in", [])
        for name in type(node).model_fields:
            yield from _sources(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _sources(item)


def unknown_document_problems(content: Content) -> list[str]:
    known = set(content.documents)
    groups: list[tuple[str, Iterable[Any]]] = [
        ("content/meetings", content.meetings.values()),
        ("content/minutes", content.minutes.values()),
        ("content/reports", content.reports.values()),
        ("content/action-plans", content.action_plans.values()),
        ("content/indicators/points", content.points),
        ("content/glossary", content.glossary),
        ("content/follow-ups", content.follow_ups.values()),
        ("content/progress", content.progress.values()),
    ]
    problems = []
    for folder, items in groups:
        for doc in sorted({d for item in items for d in _sources(item)} - known):
            problems.append(f"{folder}: cites document '{doc}', which is not in "
                            "content/documents.yaml")
    return problems
