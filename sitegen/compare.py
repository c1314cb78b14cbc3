"""Compare two builds of the site page by page (MkDocs' and Zensical's, say).

Themes differ in their furniture, so this compares what a reader comes for: the same pages, and on
each page's article the same heading, the same section anchors (links land in the same place), the
same number of expanded acronyms, table rows and charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path


@dataclass(frozen=True)
class Marker:
    heading: str
    anchors: tuple[str, ...]
    acronyms: int
    table_rows: int
    charts: int

    def differences(self, other: Marker) -> list[str]:
        found = []
        for name in ("heading", "anchors", "acronyms", "table_rows", "charts"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                if name == "anchors":
                    only_a = sorted(set(mine) - set(theirs))[:5]
                    only_b = sorted(set(theirs) - set(mine))[:5]
                    found.append(f"anchors differ (only in the first: {only_a}, only in the second: "
                                 f"{only_b})")
                else:
                    found.append(f"{name.replace('_', ' ')}: {mine!r} against {theirs!r}")
        return found


class _ArticleScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article> when > 0
        self.in_h1 = False
        self.heading: list[str] = []
        self.anchors: list[str] = []
        self.acronyms = self.table_rows = self.charts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag == "h1":
            self.in_h1 = True
        elif tag in ("h2", "h3", "h4", "h5", "h6") and values.get("id"):
            self.anchors.append(values["id"])
        elif tag == "abbr":
            self.acronyms += 1
        elif tag == "tr":
            self.table_rows += 1
        if "bokeh-chart" in values.get("class", "").split():
            self.charts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1
        elif tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_h1:
            self.heading.append(data)


def page_marker(page_html: str) -> Marker:
    scan = _ArticleScan()
    scan.feed(page_html)
    scan.close()
    heading = " ".join("".join(scan.heading).split()).rstrip("¶").strip()
    return Marker(heading, tuple(scan.anchors), scan.acronyms, scan.table_rows, scan.charts)


def site_pages(site_dir: Path) -> dict[str, Path]:
    """Every page a reader can open (theme-only files such as a search index are not pages)."""
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}


def compare_sites(first: Path, second: Path) -> tuple[int, list[str]]:
    """(pages compared, one line per difference)."""
    a, b = site_pages(first), site_pages(second)
    problems = [f"{page}: only in {first.name}/" for page in sorted(set(a) - set(b))]
    problems += [f"{page}: only in {second.name}/" for page in sorted(set(b) - set(a))]
    for page in sorted(set(a) & set(b)):
        mine = page_marker(a[page].read_text(encoding="utf-8", errors="replace"))
        theirs = page_marker(b[page].read_text(encoding="utf-8", errors="replace"))
        problems += [f"{page}: {difference}" for difference in mine.differences(theirs)]
    return len(set(a) & set(b)), problems
