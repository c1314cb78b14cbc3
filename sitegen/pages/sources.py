"""The source documents: a page for each, so a reader can find and check the original paper.

Each page gives the title, date (or what is known about an undated paper), publisher, where the
original was published in words a reader can search for, and a SHA-256 fingerprint of the text
we worked from, so the site stays meaningful as an archive if the council's own site changes.
"""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, doc_date, link, long_date, plural, table, text
from sitegen.records import build_records
from sitegen.schema import Document
from sitegen.uris import SOURCES, TRACKER, meeting_uri, report_uri, source_uri

KIND_NAMES = {"agenda-pack": "Agenda pack (all the papers for one meeting)", "report": "Report"}


def docs_in_order(content: Content) -> list[Document]:
    return sorted(content.documents.values(), key=lambda d: d.order_date)


def index_page(content: Content) -> str:
    rows = [[f"[{cell(d.title)}]({link(SOURCES, source_uri(d.id))})", doc_date(d),
             cell(d.publisher)] for d in docs_in_order(content)]
    return "\n\n".join([
        "# Where the information comes from",
        "Every summary on this site is written in our own words from the documents below. Figures "
        "are copied exactly and cite the page as the pack prints it (\"page 21\") or, where the "
        "text shows no page number, the report's own section. Each document's page says where the "
        "original was published and gives a fingerprint of the text we used, so that you can check "
        "a copy you find against it.",
        table(["Document", "Date", "Publisher"], rows),
    ]) + "\n"


def document_page(doc: Document, content: Content) -> str:
    uri = source_uri(doc.id)
    reports = [r for r in content.reports.values() if r.doc == doc.id]
    meetings = sorted({m.date for m in content.meetings.values() if m.source.doc == doc.id}
                      | {m.meeting for m in content.minutes.values() if m.source.doc == doc.id})
    records = build_records(content)
    made_here = [r for r in records if r.row.source.doc == doc.id]
    reports_on = [r for r in records if any(e.entry.source.doc == doc.id and e.later
                                            for e in r.history)]
    points = sum(p.doc == doc.id for p in content.points)
    when = long_date(doc.date) if doc.date else f"Undated. {text(doc.undated or '')}"
    facts = [
        f"**Title:** {text(doc.title)}",
        f"**Date:** {when}",
        f"**Publisher:** {text(doc.publisher)}",
        f"**Kind:** {KIND_NAMES[doc.kind]}",
    ]
    parts = [
        f"# {text(doc.title)}",
        "  \n".join(facts),
        text(doc.description),
        "## Finding the original",
        text(doc.found_at),
        "## Checking a copy",
        "This is the SHA-256 fingerprint of the plain text we summarised. Any change to the text, "
        "even one character, gives a different fingerprint. A copy converted to text the same way "
        "will match; a PDF will not, because the fingerprint is of the text, not the file.",
        f'<p class="fingerprint"><code>{doc.sha256}</code></p>',
        "## What on this site comes from it",
    ]
    lines = []
    if meetings:
        lines.append("- Meetings: " + ", ".join(
            f"[{long_date(day)}]({link(uri, meeting_uri(day.isoformat()))})" for day in meetings))
    for r in reports:
        lines.append(f"- Summary: [{cell(r.title)}]({link(uri, report_uri(r.id))})")
    if made_here:
        lines.append(f"- {plural(len(made_here), 'record')} in the "
                     f"[follow-through tracker]({link(uri, TRACKER)}) come from it")
    if reports_on:
        lines.append(f"- It reports on {plural(len(reports_on), 'earlier record')}: " + ", ".join(
            f"[{cell(r.ref)}]({link(uri, r.parent.uri, r.anchor)})" for r in reports_on))
    if points:
        lines.append(f"- {plural(points, 'indicator value')} on the indicator pages")
    parts.append("\n".join(lines) or "Nothing yet.")
    return "\n\n".join(parts) + "\n"


def nav(content: Content) -> list[object]:
    return [SOURCES, *({d.short: source_uri(d.id)} for d in docs_in_order(content))]
