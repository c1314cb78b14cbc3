"""MkDocs builds for `make serve` that re-render only the pages whose inputs changed.

A full MkDocs build of this site renders about 120 pages of Markdown and templates (5-8 s on two
cores). While serving, an edit usually changes one page or a few, so each build here keeps, for
every page, its rendered Markdown (keyed by the page's source, the list of files and the
abbreviations) and its finished HTML with its search entries (keyed by its content and the whole
navigation), and re-renders only on a miss. Everything else is MkDocs' own build, strict mode and
link checks included, so what the server shows is what `make site` would write.

Only for the development server: it wraps MkDocs 1.6 internals (`Page.render`, `_build_page`),
which are frozen now that MkDocs 1.x is unmaintained. `make site` uses plain `mkdocs build`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mkdocs.commands.build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme


def _digest(*parts: Any) -> str:
    text = json.dumps(parts, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class _Rendered:
    key: str
    content: str
    toc: Any
    title: str | None
    anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]]


@dataclass
class _Built:
    key: str
    search_entries: list[Any]


class _WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class IncrementalBuilder:
    """Builds ``config_file`` into ``site_dir`` again and again, re-rendering only what changed."""

    config_file: Path
    site_dir: Path
    site_url: str
    extra_inputs: Callable[[], str] = lambda: ""  # e.g. the abbreviations every page appends
    rendered: dict[str, _Rendered] = field(default_factory=dict)
    built: dict[str, _Built] = field(default_factory=dict)
    themed: dict[str, str] = field(default_factory=dict)  # 404.html, sitemap.xml: key
    environments: dict[tuple[str, ...], Any] = field(default_factory=dict)  # compiled templates
    last_counts: tuple[int, int] = (0, 0)  # pages rendered, pages written by the last build

    def build(self, *, clean: bool = False) -> None:
        """One strict MkDocs build; raises mkdocs' Abort on warnings, as `mkdocs build` does."""
        config = load_config(str(self.config_file), site_dir=str(self.site_dir), strict=True)
        config.site_url = self.site_url
        if clean:
            self.rendered.clear()
            self.built.clear()
            self.themed.clear()
            self.environments.clear()
        counts = [0, 0]
        with self._reusing(config, counts, clean=clean):
            mkdocs_build.build(config, serve_url=None)
        self.last_counts = (counts[0], counts[1])

    @contextmanager
    def _reusing(self, config: MkDocsConfig, counts: list[int], *, clean: bool) -> Iterator[None]:
        original_render = Page.render
        original_build_page = mkdocs_build._build_page
        original_clean = mkdocs_build.utils.clean_directory
        original_copy = Files.copy_static_files
        original_env = Theme.get_env
        original_theme_template = mkdocs_build._build_theme_template
        extra = self.extra_inputs()
        fingerprints: dict[int, str] = {}
        builder = self

        def files_fingerprint(files: Files) -> str:
            if id(files) not in fingerprints:
                fingerprints[id(files)] = _digest(sorted(f.src_uri for f in files), extra)
            return fingerprints[id(files)]

        def render(page: Page, config: MkDocsConfig, files: Files) -> None:
            key = _digest(page.file.src_uri, page.markdown, files_fingerprint(files))
            hit = builder.rendered.get(page.file.src_uri)
            if hit is not None and hit.key == key:
                page.content, page.toc, page._title_from_render = hit.content, hit.toc, hit.title
                page.present_anchor_ids = set(hit.anchor_ids)
                page.links_to_anchors = {
                    target: dict(anchors) for uri, anchors in hit.links_to_anchors.items()
                    if (target := files.get_file_from_path(uri)) is not None}
                return
            warnings = _WarningCount()
            logging.getLogger("mkdocs").addHandler(warnings)
            try:
                original_render(page, config, files)
            finally:
                logging.getLogger("mkdocs").removeHandler(warnings)
            counts[0] += 1
            if warnings.count == 0:  # a page with a warning renders again, so it warns again
                builder.rendered[page.file.src_uri] = _Rendered(
                    key, page.content or "", page.toc, page._title_from_render,
                    set(page.present_anchor_ids or ()),
                    {f.src_uri: dict(a) for f, a in (page.links_to_anchors or {}).items()})

        def build_page(page: Page, config: MkDocsConfig, doc_files: Any, nav: Navigation,
                       env: Any, dirty: bool = False, excluded: bool = False) -> None:
            search = _search_index(config)
            key = _digest(page.file.src_uri, page.url, page.title, page.meta, page.content,
                          repr(page.toc), _nav_fingerprint(nav, fingerprints), excluded)
            hit = builder.built.get(page.file.src_uri)
            if hit is not None and hit.key == key and Path(page.file.abs_dest_path).is_file():
                if search is not None:
                    search.entries.extend(hit.search_entries)
                return
            before = len(search.entries) if search is not None else 0
            original_build_page(page, config, doc_files, nav, env, dirty, excluded)
            counts[1] += 1
            entries = list(search.entries[before:]) if search is not None else []
            builder.built[page.file.src_uri] = _Built(key, entries)

        def copy_changed(files: Files, dirty: bool = False, **kwargs: Any) -> None:
            original_copy(files, dirty=not clean, **kwargs)  # copies only files newer than their copy

        def theme_env(theme: Theme) -> Any:
            """One Jinja environment for the session: templates compile once, not every build."""
            key = tuple(theme.dirs)
            if key not in builder.environments:
                env = original_env(theme)
                every = env.list_templates()

                def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
                    return [name for name in every
                            if (extensions is None or name.rsplit(".", 1)[-1] in extensions)
                            and (filter_func is None or filter_func(name))]

                env.list_templates = list_templates  # type: ignore[method-assign]
                builder.environments[key] = env
            return builder.environments[key]

        def theme_template(template_name: str, env: Any, files: Files, config: MkDocsConfig,
                           nav: Navigation) -> None:
            name = template_name
            key = _digest(name, _nav_fingerprint(nav, fingerprints), files_fingerprint(files))
            if builder.themed.get(name) == key and (Path(config.site_dir) / name).is_file():
                return
            original_theme_template(name, env, files, config, nav)
            builder.themed[name] = key

        Page.render = render  # type: ignore[method-assign, assignment]
        mkdocs_build._build_page = build_page
        mkdocs_build._build_theme_template = theme_template
        Theme.get_env = theme_env  # type: ignore[method-assign, assignment]
        Files.copy_static_files = copy_changed  # type: ignore[method-assign, assignment]
        if not clean:
            mkdocs_build.utils.clean_directory = lambda directory: None
        try:
            yield
        finally:
            Page.render = original_render  # type: ignore[method-assign]
            mkdocs_build._build_page = original_build_page
            Files.copy_static_files = original_copy  # type: ignore[method-assign]
            Theme.get_env = original_env  # type: ignore[method-assign]
            mkdocs_build._build_theme_template = original_theme_template
            mkdocs_build.utils.clean_directory = original_clean


def _search_index(config: MkDocsConfig) -> Any:
    for name, plugin in config.plugins.items():
        if name.endswith("search") and hasattr(plugin, "search_index"):
            return plugin.search_index
    return None


def _nav_fingerprint(nav: Navigation, memo: dict[int, str]) -> str:
    """Every title and address in the navigation: each page shows all of them."""
    if id(nav) not in memo:
        def walk(items: list[Any]) -> list[Any]:
            return [[getattr(item, "title", None), getattr(item, "url", None),
                     walk(getattr(item, "children", None) or [])] for item in items]
        memo[id(nav)] = _digest(walk(nav.items))
    return memo[id(nav)]
