"""The generated part of the home page: each meeting's briefing, newest first."""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import link, long_date, text
from sitegen.pages.meetings import meetings_newest_first
from sitegen.uris import meeting_uri

MARKER = "<!-- generated: meeting briefings -->"


def meeting_briefings(content: Content) -> str:
    parts = []
    for meeting in meetings_newest_first(content):
        if not meeting.briefing:
            continue
        uri = meeting_uri(meeting.date.isoformat())
        parts.append(f"### {long_date(meeting.date)}")
        parts.append("\n".join(f"{i}. {text(p.text)}" for i, p in
                               enumerate(meeting.briefing.things_to_know, start=1)))
        parts.append(f"[Full briefing, questions to ask and the agenda]({link('index.md', uri)})")
    return "\n\n".join(parts)
