"""The glossary page, and the abbreviations that expand acronyms on hover site-wide."""

from __future__ import annotations

from collections import defaultdict

from sitegen.content import Content
from sitegen.markdown import cell, cite
from sitegen.schema import GlossaryTerm

URI = "glossary.md"


def by_term(content: Content) -> dict[str, list[GlossaryTerm]]:
    """Each acronym with its meanings (most have one), sorted as a reader looks them up."""
    grouped: dict[str, list[GlossaryTerm]] = defaultdict(list)
    for entry in content.glossary:
        grouped[entry.term].append(entry)
    return dict(sorted(grouped.items(), key=lambda kv: (kv[0].casefold(), kv[0])))


def page(content: Content) -> str:
    terms = by_term(content)
    lines = [
        "# Glossary: what the acronyms mean",
        "",
        f"The committee's papers use {len(terms)} acronyms and abbreviations. Every one we found is "
        "listed here; hover over (or tap) an acronym anywhere on this site to see what it stands "
        "for. Where the papers never spell one out, we say so.",
        "",
        "| Acronym | Stands for | What it means | Used in | Where it is explained |",
        "| --- | --- | --- | --- | --- |",
    ]
    for term, entries in terms.items():
        for entry in entries:
            used = ", ".join(content.documents[d].short for d in entry.used_in)
            lines.append(f"| **{cell(term)}** | {cell(entry.expansion)} | {cell(entry.definition)} "
                         f"| {cell(used)} | {cite(entry.source, content, URI)} |")
    return "\n".join(lines) + "\n"


def abbreviations(content: Content) -> dict[str, str]:
    """Acronym -> what it stands for, for Python-Markdown's abbr extension."""
    return {term: " or ".join(dict.fromkeys(e.expansion for e in entries))
            for term, entries in by_term(content).items()}
