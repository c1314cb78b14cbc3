"""Every item of every document has its page, and no action-plan row is lost."""

from __future__ import annotations

import pytest

from sitegen.content import Content, load_content

# Rows counted in each source plan when it was transcribed. A plan that loses a row fails here.
ACTION_ROWS = {
    "2017-12-12-aphr-2017-detailed-recommendations": 17,
    "2017-12-12-ofsted-inspection-action-plan-progress": 16,
    "2018-02-13-childrens-social-care-development-plan-2018-19": 97,
    "2018-02-13-send-peer-review-action-plan": 11,
    "2022-09-13-complaints-learning-actions": 8,
    "2022-09-13-fostering-recruitment-activity-plan": 56,
    "2022-09-13-lscp-case-review-action-plans": 4,
    "2022-09-13-yos-inspection-recommendations": 8,
    "2023-childrens-social-care-update-key-priorities": 12,
}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def test_every_action_plan_keeps_all_its_rows(content: Content) -> None:
    counts = {plan_id: len(plan.actions) for plan_id, plan in content.action_plans.items()}
    assert counts == ACTION_ROWS


def test_every_agenda_item_with_papers_has_a_summary(content: Content) -> None:
    missing = [f"{key} item {item.number} ({item.title})"
               for key, meeting in content.meetings.items() for item in meeting.agenda
               if item.pages and not (item.report or item.minutes_of)]
    assert missing == []


def test_every_report_from_a_meeting_is_on_that_meeting_agenda(content: Content) -> None:
    on_agendas = {item.report for m in content.meetings.values() for item in m.agenda}
    orphans = [r.id for r in content.reports.values() if r.meeting and r.id not in on_agendas]
    assert orphans == []


def test_every_meeting_with_papers_has_a_briefing(content: Content) -> None:
    without = [key for key, m in content.meetings.items()
               if any(item.report for item in m.agenda) and m.briefing is None]
    assert without == []


def test_every_source_document_is_summarised(content: Content) -> None:
    used = {r.doc for r in content.reports.values()}
    assert used == set(content.documents)


def test_every_pack_minutes_item_has_its_minutes(content: Content) -> None:
    approved = {item.minutes_of.isoformat() for m in content.meetings.values() for item in m.agenda
                if item.minutes_of}
    assert approved <= set(content.minutes)
    assert set(content.minutes) <= set(content.meetings), "each set of minutes needs a meeting page"
