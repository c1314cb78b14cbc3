"""The generated part of the home page: the latest papers, the follow-through, each meeting's briefing.

Standalone reports (such as the 2023 update) went to no meeting whose papers we hold, so they
would never appear among the meeting briefings; the home page lists them first, as the newest
papers.
"""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import doc_date, link, long_date, plural, text
from sitegen.pages.meetings import meetings_newest_first
from sitegen.pages.reports import reports_in_order
from sitegen.records import build_records
from sitegen.uris import TRACKER, meeting_uri, report_uri

MARKER = "<!-- generated: meeting briefings -->"
HOME = "index.md"


def _standalone(content: Content) -> list[str]:
    reports = [r for r in reports_in_order(content) if not r.meeting]
    newest_meeting = max(m.date for m in content.meetings.values())
    parts = []
    for report in reports:
        doc = content.documents[report.doc]
        if doc.order_date <= newest_meeting:
            continue  # an earlier copy of a meeting's paper: its meeting's briefing covers it
        dated = doc_date(doc) if doc.date else f"Undated: {text(doc.undated or '')}"
        parts.append(f"### {text(report.title)}")
        parts.append(f"**When:** {dated}")
        parts.append(text(report.purpose))
        parts.append("\n".join(f"- {text(f.text)}" for f in report.key_findings[:4]))
        parts.append(f"[The full summary, with then-and-now figures]"
                     f"({link(HOME, report_uri(report.id))})")
    return (["## The latest papers", *parts]) if parts else []


def _follow_through(content: Content) -> list[str]:
    records = build_records(content)
    follow_ups = [r for r in records if r.kind == "follow-up"]
    done = sum(r.status == "complete" for r in follow_ups)
    not_seen = sum(r.follow_through == "not-seen" for r in follow_ups)
    return ["## Follow-through",
            f"The papers hold {len(records)} recommendations, actions and follow-ups. Of the "
            f"{plural(len(follow_ups), 'follow-up')} the minutes record (things the committee asked "
            f"to come back, or officers promised), {done} are reported done and {not_seen} are not "
            "seen in any later paper we hold.",
            f"[Open the tracker]({link(HOME, TRACKER)})"]


def meeting_briefings(content: Content) -> str:
    parts = [*_standalone(content), *_follow_through(content),
             "## Five things to know for each meeting"]
    for meeting in meetings_newest_first(content):
        if not meeting.briefing:
            continue
        uri = meeting_uri(meeting.date.isoformat())
        parts.append(f"### {long_date(meeting.date)}")
        parts.append("\n".join(f"{i}. {text(p.text)}" for i, p in
                               enumerate(meeting.briefing.things_to_know, start=1)))
        parts.append(f"[Full briefing, questions to ask and the agenda]({link(HOME, uri)})")
    return "\n\n".join(parts)
