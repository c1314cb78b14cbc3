"""Check the built site itself, whichever builder made it: every page expected is there, and every
internal link and anchor leads somewhere.

MkDocs' strict mode checks links in Markdown; Zensical checks some of that and not the rest, and
neither sees links written as raw HTML. This reads the output in ``site/`` as a browser would, so
the same mistakes fail every build. One line per problem.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that make the browser go to or fetch another address.
_LINKS = {("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
          ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
          ("embed", "src"), ("object", "data"), ("form", "action")}
_NOT_CHECKED_RELS = {"canonical", "alternate", "preconnect", "dns-prefetch"}


class _PageScan(HTMLParser):
    """The anchors a page offers and the addresses it links to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and "canonical" in rels:
            self.canonical = values.get("href")
        for attr in (a for t, a in _LINKS if t == tag):
            if attr in values and not (tag == "link" and rels & _NOT_CHECKED_RELS):
                self.links.append(values[attr])


def _scan(path: Path) -> _PageScan:
    scan = _PageScan()
    scan.feed(path.read_text(encoding="utf-8", errors="replace"))
    scan.close()
    return scan


def expected_outputs(docs_dir: Path) -> list[str]:
    """What the builder should have written for each file of its docs_dir (directory URLs)."""
    outputs = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(docs_dir).as_posix()
        if relative.endswith(".md"):
            stem = relative.removesuffix(".md")
            if stem == "index" or stem.endswith("/index"):
                outputs.append(stem + ".html")
            else:
                outputs.append(stem + "/index.html")
        else:
            outputs.append(relative)
    return outputs


def _target(site_dir: Path, page_url: str, href: str, base_path: str) -> tuple[str, str] | None:
    """The site-relative file and fragment a link leads to; None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    path = unquote(parts.path)
    if not path:
        resolved = page_url
    elif path.startswith("/"):
        if not (path + "/").startswith(base_path):
            return ("<outside the site's path " + base_path + ">" + path, "")
        resolved = path[len(base_path):]
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
        if path.endswith("/"):
            resolved += "/"
    resolved = resolved.lstrip("/")
    if resolved in ("", "."):
        resolved = "index.html"
    elif resolved.endswith("/"):
        resolved += "index.html"
    elif not (site_dir / resolved).is_file() and (site_dir / resolved / "index.html").is_file():
        resolved += "/index.html"
    return resolved, unquote(parts.fragment)


def check_site(site_dir: Path, expected: Iterable[str] = ()) -> list[str]:
    """Every problem found in the built site, one line each."""
    problems = [f"{site_dir.name}/{relative}: missing (the build should have written it)"
                for relative in expected if not (site_dir / relative).is_file()]
    pages = {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}
    scans = {relative: _scan(path) for relative, path in pages.items()}
    home = scans.get("index.html")
    base_path = urlsplit(home.canonical or "/").path if home else "/"
    base_path = base_path if base_path.endswith("/") else base_path + "/"
    for relative, scan in scans.items():
        page_url = relative  # a page's links are relative to its own file
        for href in dict.fromkeys(scan.links):
            target = _target(site_dir, page_url, href, base_path)
            if target is None:
                continue
            path, fragment = target
            where = f"{site_dir.name}/{relative}: link to {href!r}"
            if not (site_dir / path).is_file():
                problems.append(f"{where} leads to no file ({path})")
            elif fragment and path.endswith(".html"):
                ids = scans[path].ids if path in scans else set()
                if fragment not in ids:
                    problems.append(f"{where}: {path} has no anchor #{fragment}")
    return problems
