"""``make pages``: generate every page from the data and write the builder's docs tree."""

from __future__ import annotations

from pathlib import Path

from sitegen.build import DOCS_DIR, SiteBuild, build_site
from sitegen.generated import Changes, GeneratedTree, docs_dir_files, hand_written_files, write_tree


def write_site(site: SiteBuild, docs_dir: Path = DOCS_DIR) -> Changes:
    """Write one build's pages, assets, navigation and abbreviations under ``docs/_generated/``."""
    files = docs_dir_files(hand_written_files(docs_dir), site.fills, {**site.pages, **site.assets})
    return write_tree(GeneratedTree.for_docs(docs_dir), files, site.nav, site.abbreviations)


def run_pages_step(docs_dir: Path = DOCS_DIR) -> tuple[SiteBuild, Changes]:
    site = build_site()
    return site, write_site(site, docs_dir)
