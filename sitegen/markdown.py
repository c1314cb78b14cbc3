"""Small helpers for writing Markdown safely from data: escaping, dates, links and citations."""

from __future__ import annotations

import datetime as dt
import html
import posixpath

from sitegen.content import Content
from sitegen.schema import Document, Source
from sitegen.uris import source_uri


def text(value: str) -> str:
    """Data text as Markdown: HTML escaped, so nothing in a data file can inject markup."""
    return html.escape(" ".join(value.split()), quote=False)


def paragraphs(value: str) -> str:
    """Multi-paragraph text (blank-line separated in YAML) as Markdown paragraphs."""
    parts = [text(p) for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "\n\n".join(parts)


def cell(value: str | None) -> str:
    """Text safe inside a Markdown table cell: one line, no pipes, HTML escaped."""
    return text(value or "").replace("|", "&#124;")


def long_date(day: dt.date) -> str:
    """GOV.UK style: 12 December 2017."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def link(from_uri: str, to_uri: str, anchor: str | None = None) -> str:
    """A relative link between two source files (e.g. 'reports/x.md' -> 'meetings/y.md')."""
    target = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


def source_label(source: Source, content: Content, *, short: bool = False) -> str:
    """'Pack, 12 Dec 2017, page 21' or '..., section 3.2'."""
    doc = content.documents.get(source.doc)
    name = (doc.short if short else doc.title) if doc else source.doc
    parts = [name]
    if source.page is not None:
        parts.append(f"page {source.page}")
    if source.section:
        parts.append(f"section {source.section}" if source.section[:1].isdigit() else source.section)
    return ", ".join(parts)


def cite(source: Source, content: Content, from_uri: str) -> str:
    """A short citation that links to the document's own page (title, date, where to find it)."""
    label = cell(source_label(source, content, short=True))
    return f"[{label}]({link(from_uri, source_uri(source.doc))})"


def doc_date(doc: Document) -> str:
    """A document's printed date, or 'Undated' for one that prints none (never a date we chose)."""
    return long_date(doc.date) if doc.date else "Undated"


def month_year(day: dt.date) -> str:
    return f"{day:%B %Y}"


def attr(value: str) -> str:
    """Text safe inside an HTML attribute value (double-quoted)."""
    return html.escape(" ".join(value.split()), quote=True)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be escaped (use `cell`)."""
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
