"""MkDocs hooks: turn the data in ``content/`` into pages at build time.

Plain Python hooks rather than a plugin, so the generation keeps working if the theme or its
successor stops supporting third-party plugins.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path; make `sitegen` importable
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from sitegen.build import SiteBuild, build_site  # noqa: E402
from sitegen.content import ContentError  # noqa: E402
from sitegen.pages import home  # noqa: E402

_state: dict[str, SiteBuild] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        site = build_site()
    except ContentError as exc:
        problems = "\n".join(f"  - {p}" for p in exc.problems)
        raise PluginError(f"{len(exc.problems)} problem(s) in content/:\n{problems}") from exc
    _state["site"] = site
    config.nav = site.nav  # the navigation is generated: see sitegen/build.py
    # Every glossary acronym expands on hover, on every page (Python-Markdown's abbr glossary).
    config.mdx_configs.setdefault("abbr", {})["glossary"] = site.abbreviations
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state["site"]
    for src_uri, markdown in site.pages.items():
        files.append(File.generated(config, src_uri, content=markdown))
    for src_uri, data in site.assets.items():
        if isinstance(data, Path):  # large files (Pyodide) are copied, not read into memory
            files.append(File.generated(config, src_uri, abs_src_path=str(data)))
        else:
            files.append(File.generated(config, src_uri, content=data))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the home page's generated briefings."""
    if page.file.src_uri == "index.md":
        markdown = markdown.replace(home.MARKER, _state["site"].home_briefings)
    return markdown


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the data or the generators change, not only the Markdown."""
    for folder in ("content", "sitegen", "model", "explorer"):
        server.watch(str(ROOT / folder))
    return server
