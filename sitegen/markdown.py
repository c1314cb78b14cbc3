"""Small helpers for writing Markdown safely from data."""

from __future__ import annotations

import html

from sitegen.content import Content
from sitegen.schema import Source


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes or line breaks, HTML escaped."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "&#124;")


def source_label(source: Source, content: Content) -> str:
    """'Agenda pack, 12 December 2017, page 21' or '..., section 3.2'."""
    doc = content.documents.get(source.doc)
    name = doc.title if doc else source.doc
    parts = [name]
    if source.page is not None:
        parts.append(f"page {source.page}")
    if source.section:
        parts.append(f"section {source.section}" if source.section[:1].isdigit() else source.section)
    return ", ".join(parts)
