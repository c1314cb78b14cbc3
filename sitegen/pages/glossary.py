"""The glossary page, and the abbreviation lines that expand acronyms on hover site-wide."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.content import Content
from sitegen.markdown import cell, source_label


@dataclass(frozen=True)
class Term:
    term: str
    expansions: tuple[str, ...]
    definition: str | None
    sources: tuple[str, ...]


def merged_terms(content: Content) -> list[Term]:
    """One entry per acronym; where documents expand it differently, keep every expansion."""
    by_term: dict[str, list] = {}
    for entry in content.glossary:
        by_term.setdefault(entry.term, []).append(entry)
    terms = []
    for term, entries in by_term.items():
        expansions = tuple(dict.fromkeys(e.expansion for e in entries))
        definition = next((e.definition for e in entries if e.definition), None)
        sources = tuple(dict.fromkeys(source_label(e.source, content) for e in entries))
        terms.append(Term(term, expansions, definition, sources))
    return sorted(terms, key=lambda t: t.term.casefold())


def page(terms: list[Term]) -> str:
    lines = [
        "# Glossary: what the acronyms mean",
        "",
        "The committee's papers use many acronyms. Every one we found is listed here; hover over",
        "(or tap) an acronym anywhere on this site to see what it stands for.",
        "",
    ]
    if not terms:
        lines.append("No acronyms have been recorded yet.")
        return "\n".join(lines) + "\n"
    lines += ["| Acronym | Stands for | What it means | Where it is used |", "| --- | --- | --- | --- |"]
    for t in terms:
        lines.append(
            f"| **{cell(t.term)}** | {cell(' / '.join(t.expansions))} | {cell(t.definition or '')} "
            f"| {cell('; '.join(t.sources))} |"
        )
    return "\n".join(lines) + "\n"


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """Acronym -> what it stands for, for Python-Markdown's abbr extension."""
    return {t.term: " / ".join(t.expansions) for t in terms}
