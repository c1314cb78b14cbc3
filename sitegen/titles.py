"""Every generated page's <title> says what the page is: its first heading (WCAG 2.4.2).

The navigation gives pages short labels ("13 Sep 2022"), and the theme would put that label in the
browser tab and in search results too; a `title` in the page's front matter takes its place there,
while the navigation keeps its short label.
"""

from __future__ import annotations

import html
import re

import yaml

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^# (.+?)\s*(?:\{[^}]*\})?\s*$", re.MULTILINE)
_MARKUP = re.compile(r"<[^>]+>|[*_`]")


def first_heading(markdown: str) -> str | None:
    """The text of the page's level-1 heading, as a reader sees it (no markup, no escapes)."""
    body = _FRONT_MATTER.sub("", markdown, count=1)
    match = _HEADING.search(body)
    if not match:
        return None
    return html.unescape(_MARKUP.sub("", match.group(1))).strip() or None


def with_title(markdown: str, qualifier: str = "") -> str:
    """The page with its first heading as its title, unless it names a title already.

    ``qualifier`` tells apart pages whose headings are the same (a report of the same name at two
    meetings): "Work Programme 2017/18, 12 December 2017".
    """
    heading = first_heading(markdown)
    match = _FRONT_MATTER.match(markdown)
    meta = (yaml.safe_load(match.group(1)) or {}) if match else {}
    if heading is None or "title" in meta:
        return markdown
    meta = {"title": f"{heading}, {qualifier}" if qualifier else heading, **meta}
    body = markdown[match.end():] if match else markdown
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body.lstrip("\n")
