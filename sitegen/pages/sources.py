"""The source documents: what each is, and what on this site comes from it."""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, link, long_date, text
from sitegen.uris import SOURCES, meeting_uri, report_uri


def page(content: Content) -> str:
    parts = [
        "# Where the information comes from",
        "Every summary on this site is written in our own words from the documents below. Figures "
        "are copied exactly and cite the page as the pack prints it (\"page 21\") or, where the "
        "text shows no page number, the report's own section.",
    ]
    for doc in sorted(content.documents.values(), key=lambda d: d.date):
        reports = [r for r in content.reports.values() if r.doc == doc.id]
        meetings = [m for m in content.meetings.values() if m.source.doc == doc.id]
        lines = [f"## {text(doc.title)} {{#{doc.id}}}", text(doc.description),
                 f"**Kind:** {'agenda pack' if doc.kind == 'agenda-pack' else 'report'}  \n"
                 f"**Date:** {long_date(doc.date)}  \n**Source file:** `{doc.file}`"]
        if meetings:
            lines.append("**Meetings:** " + ", ".join(
                f"[{long_date(m.date)}]({link(SOURCES, meeting_uri(m.date.isoformat()))})"
                for m in sorted(meetings, key=lambda m: m.date)))
        if reports:
            lines.append("**Summaries from it:**\n\n" + "\n".join(
                f"- [{cell(r.title)}]({link(SOURCES, report_uri(r.id))})" for r in reports))
        parts.append("\n\n".join(lines))
    return "\n\n".join(parts) + "\n"
