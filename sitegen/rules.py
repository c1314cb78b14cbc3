"""What every set of papers must have, beyond each file being well formed.

These were once checks only the test suite made; now `make validate` makes them, so a maintainer
hears about a lost action-plan row or a report missing from its agenda in seconds, with the line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitegen.content import Content


def completeness_problems(content: Content) -> list[str]:
    problems: list[str] = []
    problems += _every_plan_keeps_its_rows(content)
    problems += _every_agenda_item_with_papers_is_summarised(content)
    problems += _every_report_of_a_meeting_is_on_its_agenda(content)
    problems += _every_meeting_with_papers_has_a_briefing(content)
    problems += _every_document_is_summarised(content)
    problems += _every_set_of_minutes_has_its_meeting(content)
    return problems


def _every_plan_keeps_its_rows(content: Content) -> list[str]:
    """A plan declares how many rows the source has; a lost or doubled row shows at once."""
    return [
        f"{content.at(f'content/action-plans/{pid}.yaml', 'rows')}: rows says {plan.rows}, but "
        f"{len(plan.actions)} actions are listed: transcribe every row of the plan (or correct rows)"
        for pid, plan in content.action_plans.items() if len(plan.actions) != plan.rows
    ]


def _every_agenda_item_with_papers_is_summarised(content: Content) -> list[str]:
    return [
        f"{content.at(f'content/meetings/{key}.yaml', 'agenda', i)}: agenda item {item.number} "
        f"({item.title}) has papers (pages {item.pages}) but no summary: add report: <id> (and "
        "content/reports/<id>.yaml), or minutes_of: YYYY-MM-DD"
        for key, meeting in content.meetings.items() for i, item in enumerate(meeting.agenda)
        if item.pages and not (item.report or item.minutes_of)
    ]


def _every_report_of_a_meeting_is_on_its_agenda(content: Content) -> list[str]:
    problems = []
    for rid, report in content.reports.items():
        key = report.meeting.isoformat() if report.meeting else None
        if key is None or key not in content.meetings:
            continue  # no meeting, or a missing meeting file (reported as such)
        if rid not in {item.report for item in content.meetings[key].agenda}:
            problems.append(f"{content.at(f'content/reports/{rid}.yaml', 'meeting')}: meeting {key}, "
                            f"but no agenda item in content/meetings/{key}.yaml links to this report: "
                            f"add report: {rid} to its agenda item")
    return problems


def _every_meeting_with_papers_has_a_briefing(content: Content) -> list[str]:
    return [
        f"{content.at(f'content/meetings/{key}.yaml', 'agenda')}: the meeting has papers but no "
        "briefing: add briefing (five things_to_know and at least three questions)"
        for key, meeting in content.meetings.items()
        if meeting.briefing is None and any(item.report for item in meeting.agenda)
    ]


def _every_document_is_summarised(content: Content) -> list[str]:
    summarised = {report.doc for report in content.reports.values()}
    unread = [origin for origin in content.files if origin.startswith("content/reports/")
              and origin.rsplit("/", 1)[-1].removesuffix(".yaml") in content.broken]
    if unread:
        return []  # a report that did not load may be the summary: its own problem is reported
    return [
        f"{content.at('content/documents.yaml', i)}: document '{doc_id}' is not summarised: add a "
        f"report with doc: {doc_id} in content/reports/"
        for i, doc_id in enumerate(content.documents) if doc_id not in summarised
    ]


def _every_set_of_minutes_has_its_meeting(content: Content) -> list[str]:
    return [
        f"{content.at(f'content/minutes/{key}.yaml', 'meeting')}: the minutes of {key} need their "
        f"meeting's page: add content/meetings/{key}.yaml (python -m sitegen new meeting {key})"
        for key in content.minutes if key not in content.meetings and key not in content.broken
    ]
