"""One page per meeting (briefing, agenda, what was outstanding, decisions, attendance) and the list.

A meeting page says what was due by then from earlier meetings and what this meeting's papers
report on it, so a councillor can hold officers to what they said last time.
"""

from __future__ import annotations

import datetime as dt

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date, plural, short_date, table, text
from sitegen.pages import record_view as rv
from sitegen.records import Entry, Record, build_records
from sitegen.rollups import RollUp
from sitegen.schema import Meeting, Minutes, Person
from sitegen.statuses import NO_STATUS, status_label
from sitegen.uris import follow_ups_uri, meeting_uri, report_uri

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
    parts += _outstanding(meeting, content, uri)
    parts.append("## What the committee discussed and decided")
    parts.append(_decisions(minutes, content, uri) if minutes else
                 "The minutes of this meeting are not among the documents this site covers yet. They "
                 "are normally printed in the pack for the following meeting.")
    parts += _follow_ups(meeting, content, uri)
    parts.append("## Who was there" if minutes else "## Members summoned")
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
    """Attendance only where the minutes record it; otherwise the summons, called what it is."""
    lines = []
    if minutes:
        lines.append("As the minutes record it.")
        if minutes.present:
            lines.append(f"**Present:** {_people(minutes.present)}")
        if minutes.apologies:
            lines.append(f"**Apologies:** {_people(minutes.apologies)}")
        if minutes.in_attendance:
            lines.append(f"**In attendance:** {_people(minutes.in_attendance)}")
        return "\n\n".join(lines)
    lines.append("The minutes of this meeting are not among our documents, so we cannot say who "
                 "attended.")
    if meeting.members:
        lines.append("The membership printed on the agenda front sheet (who was summoned, not who "
                     "came):")
        lines.append(f"**Members:** {_people(meeting.members)}")
        if meeting.substitutes:
            lines.append(f"**Substitutes:** {_people(meeting.substitutes)}")
    else:
        lines.append("The copy of the pack we hold has no front sheet, so the membership is not "
                     "given here either.")
    return "\n\n".join(lines)


def _own_pack(meeting: Meeting, content: Content) -> str | None:
    """The id of this meeting's own agenda pack, if we hold it."""
    return next((d.id for d in content.documents.values()
                 if d.kind == "agenda-pack" and d.date == meeting.date), None)


def _said_here(record: Record, meeting: Meeting, content: Content) -> list[Entry]:
    """What this meeting's own papers, or its minutes, say about a record."""
    pack = _own_pack(meeting, content)
    return [e for e in record.history
            if e.entry.source.doc == pack or e.entry.date == meeting.date]


def _status_before(record: Record, day: dt.date, content: Content) -> str:
    """The record's status (a value of sitegen.statuses) as the papers stood before the meeting:
    its latest earlier status."""
    earlier = [e for e in record.history if e.status
               and content.documents[e.entry.source.doc].order_date < day
               and (e.entry.date is None or e.entry.date < day)]
    if earlier:
        return earlier[-1].status or NO_STATUS
    return "open" if record.kind == "follow-up" else NO_STATUS


def outstanding_for(meeting: Meeting, content: Content) -> tuple[list[Record], list[Record], list[Record]]:
    """Due by this meeting; other earlier records its papers report on; open with no date."""
    day = meeting.date
    earlier = [r for r in build_records(content) if r.origin_date < day]
    due, reported, undated = [], [], []
    for r in earlier:
        done_before = _status_before(r, day, content) == "complete"
        if r.row.due_date and r.row.due_date <= day and r.kind != "event" and not done_before:
            due.append(r)
        elif _said_here(r, meeting, content):
            reported.append(r)
        elif (r.kind == "follow-up" and not r.row.due_date and not done_before
              and r.status != "complete"):
            undated.append(r)
    return due, reported, undated


def _previous_meeting(meeting: Meeting, content: Content) -> dt.date | None:
    earlier = [m.date for m in content.meetings.values() if m.date < meeting.date]
    return max(earlier, default=None)


def _said_cell(record: Record, meeting: Meeting, content: Content, uri: str) -> str:
    entries = _said_here(record, meeting, content)
    if entries:
        return "<br>".join(rv.entry_text(e, content, uri) for e in entries)
    return "*Nothing in this meeting's papers.*"


def _outstanding(meeting: Meeting, content: Content, uri: str) -> list[str]:
    due, reported, undated = outstanding_for(meeting, content)
    if not (due or reported or undated):
        return []
    parts = ["## What was outstanding from earlier meetings",
             "Recommendations, actions and follow-ups from earlier papers, with their status before "
             "this meeting and what this meeting's papers (or its minutes) say about them. Events "
             "are never counted as due."]
    if due:
        group = RollUp("", due)
        answered = sum(bool(_said_here(r, meeting, content)) for r in due)
        parts.append(f"### Due by {long_date(meeting.date)}")
        parts.append(f"{plural(len(due), 'record was', 'records were')} due by this meeting and "
                     f"not complete before it ({cell(group.counts_text())}). This meeting's papers "
                     f"say something about {answered} of them.")
        headers = ["Record", "What", "Due", "Status before the meeting",
                   "What this meeting's papers say"]
        previous = _previous_meeting(meeting, content)
        recent = [r for r in due if previous is None or r.origin_date >= previous]
        older = [r for r in due if r not in recent]
        for chunk, title in ((recent, None), (older, "from before the last meeting")):
            if not chunk:
                continue
            rows = [[rv.record_link(r.ref, content, uri), cell(r.row.action), cell(r.due_text),
                     status_label(_status_before(r, meeting.date, content)),
                     _said_cell(r, meeting, content, uri)]
                    for r in chunk]
            block = table(headers, rows)
            if title or len(chunk) > 12:
                label = f"{plural(len(chunk), 'record')} due by this meeting"
                parts.append(_collapsed(f"{label} {title}" if title else label, block))
            else:
                parts.append(f'<div class="outstanding-table" markdown>\n\n{block}\n\n</div>')
    if reported:
        parts.append("### Other earlier records these papers report on")
        rows = [[rv.record_link(r.ref, content, uri), cell(r.row.action),
                 status_label(_status_before(r, meeting.date, content)), _said_cell(r, meeting, content, uri)]
                for r in reported]
        parts.append('<div class="outstanding-table" markdown>\n\n' + table(
            ["Record", "What", "Status before the meeting", "What this meeting's papers say"], rows)
            + "\n\n</div>")
    if undated:
        parts.append("### Follow-ups still open, with no date given")
        rows = [[rv.record_link(r.ref, content, uri), cell(r.row.action), cell(r.owner),
                 status_label(_status_before(r, meeting.date, content))] for r in undated]
        parts.append(_collapsed(f"{plural(len(undated), 'follow-up')} from earlier meetings, asked "
                                "for or promised with no date",
                                table(["Follow-up", "What", "Who is to act", "Status before the "
                                       "meeting"], rows)))
    return parts


def _collapsed(title: str, body: str) -> str:
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f'??? note "{cell(title)}"\n\n{indented}'


def _follow_ups(meeting: Meeting, content: Content, uri: str) -> list[str]:
    key = meeting.date.isoformat()
    records = [r for r in build_records(content)
               if r.kind == "follow-up" and r.parent.meeting == meeting.date]
    if not records:
        return []
    group = RollUp(key, records)
    done = sum(r.follow_through == "reported-done" for r in records)
    answered = sum(r.follow_through == "done-at-origin" for r in records)
    summary = (f"{plural(len(records), 'follow-up')} came out of this meeting: "
               f"{done} reported done in a later paper")
    if answered:
        summary += f", {answered} answered at the meeting itself"
    summary += (f", {group.not_seen} not seen in any later paper we hold. "
                f"[Every follow-up, with what happened next]({link(uri, follow_ups_uri(key))}).")
    rows = [[rv.record_link(r.ref, content, uri), cell(r.row.action), cell(r.owner),
             status_label(r.status)] for r in records]
    return ["## Follow-ups from this meeting", summary,
            table(["Follow-up", "What was asked for or promised", "Who is to act", "Status now"], rows)]


def nav(content: Content) -> list[object]:
    return [INDEX, *({short_date(m.date): meeting_uri(m.date.isoformat())}
                     for m in meetings_newest_first(content))]
