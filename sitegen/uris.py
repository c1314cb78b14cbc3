"""Where each generated page lives (source paths; MkDocs turns them into URLs)."""

from __future__ import annotations


def meeting_uri(date: str) -> str:
    return f"meetings/{date}.md"


def report_uri(report_id: str) -> str:
    return f"reports/{report_id}.md"


def plan_uri(plan_id: str) -> str:
    return f"action-plans/{plan_id}.md"


def indicator_uri(indicator_id: str) -> str:
    return f"indicators/{indicator_id}.md"


def topic_uri(topic: str) -> str:
    return f"topics/{topic}.md"


SOURCES = "sources/index.md"


def follow_ups_uri(meeting_date: str) -> str:
    return f"follow-ups/{meeting_date}.md"


def source_uri(doc_id: str) -> str:
    return f"sources/{doc_id}.md"


TRACKER = "tracker/index.md"
TRACKER_CSV = "tracker/tracker.csv"
TRACKER_HISTORY_CSV = "tracker/tracker-history.csv"
FEED_MEETINGS = "feeds/meetings.xml"
FEED_STATUSES = "feeds/status-changes.xml"
