"""How a record, its statuses and what happened next are written on every page that shows them.

The tracker, the plan and follow-up pages and the meeting pages all use these, so a status reads
the same everywhere: our word for it, then the paper's own words and where they are.
"""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date
from sitegen.records import Entry, Record, named_as_related_by, records_by_ref
from sitegen.statuses import status_label

BASIS_LABELS = {"rated": "the paper's rating", "stated": "the paper's words"}


def when(entry: Entry, content: Content) -> str:
    """How to date an entry for a reader: the paper's own dating, the date, or the paper's date."""
    e = entry.entry
    if e.when:
        return e.when
    if e.date:
        return long_date(e.date)
    doc = content.documents[e.source.doc]
    return long_date(doc.date) if doc.date else "Undated paper"


def entry_text(entry: Entry, content: Content, uri: str, *, with_evidence: bool = True,
               record: Record | None = None) -> str:
    """'January 2018: **On track**, the paper's rating: "RAG 01/18: 3" (Pack, 13 Feb 2018, ...)'.

    Given the record, a citation identical to the record's own source and evidence identical to
    its progress note are not repeated.
    """
    e = entry.entry
    head = f"{cell(when(entry, content))}: "
    if e.status:
        head += f"**{status_label(e.status)}**, {BASIS_LABELS[e.basis]}: "
    else:
        head += "mentioned, no status: "
    text = f"{head}&ldquo;{cell(e.said)}&rdquo;"
    if record is None or e.source != record.row.source:
        text += f" ({cite(e.source, content, uri)})"
    if e.note:
        text += f" {cell(e.note)}"
    if with_evidence and e.evidence:
        if record is not None and e.evidence == record.row.progress:
            text += " *Evidence:* the progress note."
        else:
            text += f" *Evidence:* {cell(e.evidence)}"
    return text


def entry_brief(entry: Entry, content: Content, uri: str) -> str:
    """'13 February 2018: Complete (Pack, 13 Feb 2018, Item 7, 2.4)', or a mention's note."""
    e = entry.entry
    what = f"**{status_label(e.status)}**" if e.status else cell(e.note or "Mentioned, no status")
    return f"{cell(when(entry, content))}: {what} ({cite(e.source, content, uri)})"


def record_href(ref: str, content: Content, from_uri: str) -> str:
    record = records_by_ref(content)[ref]
    return link(from_uri, record.parent.uri, record.anchor)


def record_link(ref: str, content: Content, from_uri: str, *, with_status: bool = False) -> str:
    label = cell(ref)
    if with_status:
        label += f" ({status_label(records_by_ref(content)[ref].status).lower()})"
    return f"[{label}]({record_href(ref, content, from_uri)})"


def status_cell(record: Record, content: Content, uri: str) -> str:
    """The current status, the paper's words for it, and whether it was past its date."""
    current = record.current
    parts = [f"**{status_label(record.status)}**"]
    if current:
        e = current.entry
        parts.append(f"{cell(when(current, content))}, {BASIS_LABELS[e.basis]}: "
                     f"&ldquo;{cell(e.said)}&rdquo; ({cite(e.source, content, uri)})")
    elif record.kind == "follow-up":
        parts.append(f"asked for or promised on {long_date(record.origin_date)}")
    if record.overdue:
        parts.append("*Past its due date at its last report.*")
    return "<br>".join(parts)


def history_cell(record: Record, content: Content, uri: str) -> str:
    """What the record's own paper (and, for follow-ups, its meeting) says, oldest first."""
    own = [e for e in record.history if not e.later]
    if own:
        return "<br>".join(entry_text(e, content, uri, record=record) for e in own)
    if record.kind == "follow-up":
        return f"**Open**: asked for or promised on {long_date(record.origin_date)}."
    return "No status in the paper."


def next_cell(record: Record, content: Content, uri: str, *, brief: bool = False) -> str:
    """What later papers said, records that carry it forward, our related links, or 'not seen'.

    ``brief`` gives each later report as its date, status and source only (the tracker, where
    the status column already quotes the latest words).
    """
    lines = [entry_brief(e, content, uri) if brief else entry_text(e, content, uri, record=record)
             for e in record.later_entries]
    for entry in record.later_entries:
        for ref in entry.carried_forward_as:
            lines.append(f"Carried forward as {record_link(ref, content, uri, with_status=True)}")
    for ref in record.reported_on_by:
        lines.append(f"Carries forward {record_link(ref, content, uri, with_status=True)}")
    related = list(record.row.related) + related_from(record, content)
    if related:
        lines.append("Related (our link, same subject): " + ", ".join(
            record_link(ref, content, uri, with_status=True) for ref in dict.fromkeys(related)))
    verdict = record.follow_through
    if verdict == "not-seen":
        lines.insert(0, "*Not seen in later papers* (checked: " + ", ".join(
            cell(d.short) for d in record.later_docs) + ").")
    elif verdict == "no-later-paper":
        lines.insert(0, "*No later paper yet among our documents.*")
    return "<br>".join(lines)


def related_from(record: Record, content: Content) -> list[str]:
    """Records that name this one as related (links are shown both ways)."""
    return named_as_related_by(content, record.ref)


def action_cell(record: Record, content: Content, uri: str, *, area: bool = True) -> str:
    row = record.row
    parts = []
    if area and row.area:
        parts.append(f"*{cell(row.area)}*")
    parts.append(cell(row.action))
    if row.quote:
        parts.append(f"The paper's words: &ldquo;{cell(row.quote)}&rdquo;")
    if row.progress:
        parts.append(f"*Progress:* {cell(row.progress)}")
    if row.note:
        parts.append(f"*Note:* {cell(row.note)}")
    parts.append(f"Source: {cite(row.source, content, uri)}")
    return "<br>".join(parts)


def anchor_span(record: Record) -> str:
    return f'<span id="{record.anchor}"></span>'


def labelled_cells(headers: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Each cell after the first starts with its column's name, hidden on wide screens.

    On a phone the record tables stack each row as a card (see site.css), and these labels say
    what each line of the card is; the names come from the same list as the table's headers.
    """
    return [[row[0], *(f'<span class="cell-label">{cell(h)}</span>{c}' if c else c
                       for h, c in zip(headers[1:], row[1:], strict=True))] for row in rows]
