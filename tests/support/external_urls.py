"""Find places where a built page would load something from another origin.

Looks at what a browser actually fetches: `src`/`srcset`, stylesheet/preload/icon/manifest `href`,
CSS `url()` and `@import`, and JavaScript `import`, `fetch`, `importScripts` and `new Worker`
targets. Plain links (`<a href>`), canonical URLs and licence comments are not loads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

ABSOLUTE = re.compile(r"^(?:https?:)?//", re.IGNORECASE)
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest",
                "apple-touch-icon", "preconnect", "dns-prefetch"}
_QUOTED_URL = r"""["'`]((?:https?:)?//[^"'`\s]+)["'`]"""
JS_LOADS = [
    re.compile(r"\bimport\s*\(\s*" + _QUOTED_URL),
    re.compile(r"\bimport\s[^;()]*?\bfrom\s*" + _QUOTED_URL),
    re.compile(r"\bimport\s*" + _QUOTED_URL),
    re.compile(r"\bfetch\s*\(\s*" + _QUOTED_URL),
    re.compile(r"\bimportScripts\s*\(\s*" + _QUOTED_URL),
    re.compile(r"\bnew\s+(?:Shared)?Worker\s*\(\s*" + _QUOTED_URL),
    re.compile(r"\bindexURL\s*:\s*" + _QUOTED_URL),
]
CSS_LOADS = [
    re.compile(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", re.IGNORECASE),
    re.compile(r"""@import\s+["']((?:https?:)?//[^"']+)""", re.IGNORECASE),
]


class _LoadFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_script = False
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("src", "data-src", "poster"):
            if ABSOLUTE.match(values.get(name, "")):
                self.urls.append(values[name])
        for candidate in values.get("srcset", "").split(","):
            url = candidate.strip().split(" ")[0]
            if ABSOLUTE.match(url):
                self.urls.append(url)
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & LOADING_RELS and ABSOLUTE.match(values.get("href", "")):
            self.urls.append(values["href"])
        if tag == "object" and ABSOLUTE.match(values.get("data", "")):
            self.urls.append(values["data"])
        self.urls.extend(css_loads(values.get("style", "")))
        self._in_script = tag == "script"
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls.extend(js_loads(data))
        elif self._in_style:
            self.urls.extend(css_loads(data))


def js_loads(source: str) -> list[str]:
    return [m.group(1) for pattern in JS_LOADS for m in pattern.finditer(source)]


def css_loads(source: str) -> list[str]:
    return [m.group(1) for pattern in CSS_LOADS for m in pattern.finditer(source)]


def html_loads(source: str) -> list[str]:
    finder = _LoadFinder()
    finder.feed(source)
    return finder.urls


def external_loads(site: Path) -> Iterator[tuple[Path, str]]:
    """Every (file, URL) in the built site that would be fetched from another origin."""
    scanners = {".html": html_loads, ".htm": html_loads, ".js": js_loads, ".mjs": js_loads,
                ".css": css_loads}
    for path in sorted(site.rglob("*")):
        scan = scanners.get(path.suffix.lower())
        if scan is None or not path.is_file():
            continue
        for url in scan(path.read_text(encoding="utf-8", errors="replace")):
            yield path.relative_to(site), url
