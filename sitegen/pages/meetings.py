"""One page per meeting (briefing, agenda, decisions, attendance) and the list of meetings."""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date, plural, short_date, table, text
from sitegen.schema import Meeting, Minutes, Person
from sitegen.uris import meeting_uri, report_uri

INDEX = "meetings/index.md"
DECISIONS_ANCHOR = "what-the-committee-discussed-and-decided"  # the heading's id on a meeting page


def meetings_newest_first(content: Content) -> list[Meeting]:
    return sorted(content.meetings.values(), key=lambda m: m.date, reverse=True)


def index_page(content: Content) -> str:
    rows = []
    for meeting in meetings_newest_first(content):
        key = meeting.date.isoformat()
        with_papers = sum(1 for item in meeting.agenda if item.report)
        minutes = content.minutes.get(key)
        rows.append([
            f"[{long_date(meeting.date)}]({link(INDEX, meeting_uri(key))})",
            "Yes" if meeting.briefing else "No",
            str(with_papers) if with_papers else "None (minutes only)",
            plural(len(minutes.items), "minute") if minutes else "Not yet published here",
        ])
    return "\n\n".join([
        "# Meetings of the committee",
        "Each meeting's page starts with a briefing: five things to know and questions you could ask. "
        "It then lists the agenda, with a summary of every paper, and what the committee decided.",
        table(["Meeting", "Briefing", "Papers summarised", "Minutes"], rows),
    ]) + "\n"


def meeting_page(meeting: Meeting, content: Content) -> str:
    key = meeting.date.isoformat()
    uri = meeting_uri(key)
    minutes = content.minutes.get(key)
    parts = [f"# Committee meeting, {long_date(meeting.date)}", _facts(meeting, minutes, content, uri)]
    if meeting.briefing:
        parts.append('<button type="button" class="md-button print-page" hidden>Print this briefing</button>')
        parts.append("## Five things to know before this meeting")
        parts.append("\n".join(
            f"{i}. {text(point.text)} ({cite(point.source, content, uri)})"
            for i, point in enumerate(meeting.briefing.things_to_know, start=1)
        ))
        parts.append("## Questions you could ask")
        parts.append("\n".join(
            f"- **{text(q.question)}**  \n  Why ask: {text(q.why)} ({cite(q.source, content, uri)})"
            for q in meeting.briefing.questions
        ))
    parts.append("## Agenda")
    parts.append(_agenda(meeting, uri))
    parts.append("## What the committee discussed and decided")
    parts.append(_decisions(minutes, content, uri) if minutes else
                 "The minutes of this meeting are not among the documents this site covers yet. They "
                 "are normally printed in the pack for the following meeting.")
    parts.append("## Who was there")
    parts.append(_attendance(meeting, minutes))
    return "\n\n".join(parts) + "\n"


def _facts(meeting: Meeting, minutes: Minutes | None, content: Content, uri: str) -> str:
    lines = []
    when = f"{meeting.time}, {long_date(meeting.date)}" if meeting.time else long_date(meeting.date)
    lines.append(f"**When:** {text(when)}")
    if meeting.venue:
        lines.append(f"**Where:** {text(meeting.venue)}")
    has_pack = any(item.report for item in meeting.agenda)
    if has_pack:
        published = (f", published {long_date(meeting.pack_published)}"
                     if meeting.pack_published else "")
        lines.append(f"**Papers:** {cite(meeting.source, content, uri)}{published}")
    else:
        lines.append(f"**Papers:** not among our documents; this page is built from the minutes "
                     f"({cite(meeting.source, content, uri)})")
    if minutes:
        lines.append(f"**Minutes:** {cite(minutes.source, content, uri)}")
    return "  \n".join(lines)


def _agenda(meeting: Meeting, uri: str) -> str:
    rows = []
    for item in meeting.agenda:
        title = text(item.title)
        if item.report:
            title = f"[{cell(item.title)}]({link(uri, report_uri(item.report))})"
        elif item.minutes_of:
            target = link(uri, meeting_uri(item.minutes_of.isoformat()), DECISIONS_ANCHOR)
            title = f"{cell(item.title)}: [minutes of {long_date(item.minutes_of)}]({target})"
        rows.append([str(item.number), title, cell(item.pages or ""), cell(item.description or "")])
    return table(["Item", "Title", "Pages", "Notes"], rows)


def _decisions(minutes: Minutes, content: Content, uri: str) -> str:
    parts = []
    for item in minutes.items:
        heading = f"### Minute {item.number}: {text(item.title)}"
        body = []
        if item.report:
            body.append(f"Papers: [our summary]({link(uri, report_uri(item.report))}).")
        if item.discussion:
            body.append("\n".join(f"- {text(d.text)} ({cite(d.source, content, uri)})"
                                  for d in item.discussion))
        if item.resolved:
            body.append("**Resolved:**\n\n" + "\n".join(
                f"- {text(r.text)} ({cite(r.source, content, uri)})" for r in item.resolved))
        if not body:
            body.append("Nothing was recorded beyond the item's title.")
        parts.append("\n\n".join([heading, *body]))
    return "\n\n".join(parts)


def _people(people: list[Person]) -> str:
    return "; ".join(text(f"{p.name} ({p.role})" if p.role else p.name) for p in people)


def _attendance(meeting: Meeting, minutes: Minutes | None) -> str:
    lines = []
    if meeting.members:
        lines.append(f"**Members:** {_people(meeting.members)}")
    if meeting.substitutes:
        lines.append(f"**Substitutes:** {_people(meeting.substitutes)}")
    if minutes:
        if minutes.present:
            lines.append(f"**Present:** {_people(minutes.present)}")
        if minutes.apologies:
            lines.append(f"**Apologies:** {_people(minutes.apologies)}")
        if minutes.in_attendance:
            lines.append(f"**In attendance:** {_people(minutes.in_attendance)}")
    return "\n\n".join(lines) or "Not recorded."


def nav(content: Content) -> list[object]:
    return [INDEX, *({short_date(m.date): meeting_uri(m.date.isoformat())}
                     for m in meetings_newest_first(content))]
