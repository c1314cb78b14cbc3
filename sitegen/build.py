"""Everything generated for one build: pages, assets, navigation and abbreviations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitegen.content import Content, load_content
from explorer.build import explorer_files
from sitegen.pages import glossary


@dataclass
class SiteBuild:
    content: Content
    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, str | bytes | Path] = field(default_factory=dict)
    nav_sections: list[dict[str, Any]] = field(default_factory=list)
    abbreviations: str = ""

    def nav(self, configured: list[Any]) -> list[Any]:
        """The hand-written nav from mkdocs.yml, followed by the generated sections."""
        return [*configured, *self.nav_sections]


def build_site() -> SiteBuild:
    content = load_content()
    site = SiteBuild(content=content)
    terms = glossary.merged_terms(content)
    site.pages["glossary.md"] = glossary.page(terms)
    site.abbreviations = glossary.abbreviation_lines(terms)
    site.nav_sections.append({"Glossary": "glossary.md"})
    site.assets.update(explorer_files())
    return site
