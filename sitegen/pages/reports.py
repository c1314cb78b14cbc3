"""One page per report: purpose, findings, figures, recommendations, discussion, plans, data notes."""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date, paragraphs, table, text
from sitegen.pages.indicators import format_value
from sitegen.records import PROVENANCE_LABELS
from sitegen.schema import IndicatorPoint, MinutesItem, Report
from sitegen.topics import TOPIC_LABELS
from sitegen.uris import indicator_uri, meeting_uri, plan_uri, report_uri, source_uri, topic_uri

INDEX = "reports/index.md"


def reports_in_order(content: Content) -> list[Report]:
    """Newest meeting first, then agenda order; standalone reports by their document's date."""

    def key(report: Report) -> tuple[str, int]:
        day = report.meeting or content.documents[report.doc].order_date
        return (day.isoformat(), -(report.agenda_item or 0))

    return sorted(content.reports.values(), key=key, reverse=True)


def minutes_about(report: Report, content: Content) -> list[MinutesItem]:
    """What the minutes record about this report (the minutes are in the next meeting's pack)."""
    return [item for minutes in content.minutes.values() for item in minutes.items
            if item.report == report.id]


def index_page(content: Content) -> str:
    groups: dict[str, list[Report]] = {}
    for report in reports_in_order(content):
        heading = (f"Meeting of {long_date(report.meeting)}" if report.meeting
                   else "Reports outside the committee packs")
        groups.setdefault(heading, []).append(report)
    parts = ["# Reports to the committee",
             "Every paper in the committee's packs, and two standalone reports, summarised in plain "
             "English. You can also [browse by topic](../topics/index.md)."]
    for heading, reports in groups.items():
        parts.append(f"## {heading}")
        rows = [[
            str(r.agenda_item) if r.agenda_item else "",
            f"[{cell(r.title)}]({link(INDEX, report_uri(r.id))})",
            cell(r.purpose),
        ] for r in reports]
        parts.append(table(["Item", "Report", "What it is for"], rows))
    return "\n\n".join(parts) + "\n"


def report_page(report: Report, content: Content) -> str:
    uri = report_uri(report.id)
    parts = [f"# {text(report.title)}", _facts(report, content, uri)]
    parts += ["## What the report is for", text(report.purpose)]
    parts += ["## Summary", paragraphs(report.summary)]
    parts += ["## Key findings", "\n".join(
        f"- {text(f.text)} ({cite(f.source, content, uri)})" for f in report.key_findings)]
    if report.key_figures:
        parts += ["## Key figures", table(
            ["Figure", "Value", "Period", "Compared with", "Source"],
            [[cell(f.figure), f"**{cell(f.value)}**", cell(f.period), cell(f.comparator),
              cite(f.source, content, uri)] for f in report.key_figures])]
    parts.append("## What the report asks the committee to do")
    parts.append("\n".join(f"- {text(r.text)} ({cite(r.source, content, uri)})"
                           for r in report.recommendations)
                 or "The report makes no recommendations to the committee.")
    parts += _committee(report, content, uri)
    if report.action_plans:
        parts.append("## Plans and lists from this report")
        parts.append("\n".join(
            f"- [{cell(content.action_plans[p].title)}]({link(uri, plan_uri(p))}): "
            f"{len(content.action_plans[p].actions)} records "
            f"({PROVENANCE_LABELS[content.action_plans[p].provenance].lower()})"
            for p in report.action_plans))
    parts += then_and_now(report, content, uri)
    if report.data_notes:
        parts.append("## Where the papers disagree")
        parts.append("The source says different things in different places. We show each "
                     "rather than pick one.")
        for note in report.data_notes:
            says = "\n".join(f"    - {text(s.text)} ({cite(s.source, content, uri)})"
                             for s in note.says)
            parts.append(f'!!! warning "{cell(note.issue)}"\n\n{says}')
    return "\n\n".join(parts) + "\n"


def _earliest_papers(content: Content) -> set[str]:
    """The documents from the first year of papers we hold: the "then" of a then-and-now."""
    first = min(d.order_date for d in content.documents.values())
    return {d.id for d in content.documents.values() if (d.order_date - first).days <= 365}


def then_and_now(report: Report, content: Content, uri: str) -> list[str]:
    """Each indicator this report gives for Thurrock, beside the latest figure in the first papers.

    Both figures are as printed, with their periods and sources; the table does not compute a
    change, because periods and definitions can differ between papers.
    """
    early = _earliest_papers(content)
    if report.doc in early:
        return []
    rows = []
    for indicator_id, indicator in content.indicators.items():
        def latest(docs: set[str], ind: str = indicator_id) -> IndicatorPoint | None:
            points = [p for p in content.points if p.indicator == ind and p.doc in docs
                      and p.area == "Thurrock" and p.kind == "actual"]
            return max(points, key=lambda p: (p.period_end, content.documents[p.doc].order_date),
                       default=None)

        now, then = latest({report.doc}), latest(early)
        if now is None or then is None:
            continue
        rows.append([f"[{cell(indicator.title)}]({link(uri, indicator_uri(indicator_id))})",
                     f"**{format_value(then.value, indicator.unit)}** ({cell(then.period)}; "
                     f"{cite(then.source_ref(), content, uri)})",
                     f"**{format_value(now.value, indicator.unit)}** ({cell(now.period)}; "
                     f"{cite(now.source_ref(), content, uri)})"])
    if not rows:
        return []
    first = min(content.documents[d].order_date for d in early)
    return ["## Then and now",
            f"Figures this report gives for Thurrock, beside the latest figure for the same "
            f"indicator in the first papers we hold (from {first:%B %Y}). Both are as printed; the "
            "periods differ, and a definition can change between papers, so check the indicator "
            "page before quoting a change.",
            table(["Indicator", "Then", "Now (this report)"], rows)]


def _facts(report: Report, content: Content, uri: str) -> str:
    lines = []
    if report.meeting:
        item = f", item {report.agenda_item}" if report.agenda_item else ""
        lines.append(f"**Meeting:** [{long_date(report.meeting)}{item}]"
                     f"({link(uri, meeting_uri(report.meeting.isoformat()))})")
    doc = content.documents[report.doc]
    pages = f", pages {report.pages}" if report.pages else ""
    lines.append(f"**Papers:** [{cell(doc.title)}]({link(uri, source_uri(doc.id))}){pages}")
    if report.author_role:
        lines.append(f"**Author:** {text(report.author_role)}")
    lines.append("**Topics:** " + ", ".join(
        f"[{TOPIC_LABELS[t]}]({link(uri, topic_uri(t))})" for t in report.topics))
    return "  \n".join(lines)


def _committee(report: Report, content: Content, uri: str) -> list[str]:
    items = minutes_about(report, content)
    if not items:
        where = ("The minutes of this meeting are not among the documents this site covers yet."
                 if report.meeting else
                 "This report was not presented at a meeting covered by this site.")
        return ["## What the committee discussed and resolved", where]
    discussion = [d for item in items for d in item.discussion]
    resolved = [r for item in items for r in item.resolved]
    return [
        "## What the committee discussed",
        "\n".join(f"- {text(d.text)} ({cite(d.source, content, uri)})" for d in discussion)
        or "The minutes record no discussion of this item.",
        "## What the committee resolved",
        "\n".join(f"- {text(r.text)} ({cite(r.source, content, uri)})" for r in resolved)
        or "The minutes record no resolution on this item.",
    ]


def nav(content: Content) -> list[object]:
    entries: list[object] = [INDEX]
    by_group: dict[str, list[dict[str, str]]] = {}
    for report in reports_in_order(content):
        group = report.meeting.isoformat() if report.meeting else "Standalone reports"
        by_group.setdefault(group, []).append({report.title: report_uri(report.id)})
    for group, pages in by_group.items():
        label = group
        if group[:1].isdigit():
            meeting = content.meetings.get(group)
            label = f"Meeting {long_date(meeting.date)}" if meeting else group
        entries.append({label: pages})
    return entries
