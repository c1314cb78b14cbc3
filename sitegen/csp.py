"""A Content-Security-Policy on every built page: the browser itself refuses anything from elsewhere.

Run after any builder (`python -m sitegen csp site/`), so it keeps working whatever the theme or
the pages put in: it scans every built page for inline scripts and allows exactly those by their
SHA-256 hash. Every page carries the *same* policy, the union over all pages, because with
Material's instant navigation the first page's <meta> policy stays in force for the whole visit
while later pages are swapped in by script.

The policy allows the site's own origin only, plus:
- inline scripts by hash (the theme's and Panel's), never 'unsafe-inline' for scripts;
- 'wasm-unsafe-eval', so Pyodide can compile WebAssembly (it runs in a module worker from 'self');
- inline styles ('unsafe-inline' for styles only): BokehJS and Panel write <style> elements and
  style attributes as they draw. A style cannot fetch from another origin, because img-src,
  font-src and the rest still allow 'self' (and data: images and fonts) only.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

# An inline classic or module script; JSON and other data blocks are not executed, so need no hash.
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_EXECUTED_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
                   "application/ecmascript"}
_MARK = '<meta http-equiv="Content-Security-Policy"'
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)

BASE_POLICY: dict[str, list[str]] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script the browser would run."""
    scripts = []
    for match in _SCRIPT.finditer(page_html):
        attrs = match.group("attrs")
        if _SRC.search(attrs):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _EXECUTED_TYPES:
            scripts.append(match.group("body"))
    return scripts


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: set[str]) -> str:
    directives = {**BASE_POLICY, "script-src": [*BASE_POLICY["script-src"], *sorted(hashes)]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(page_html: str, value: str) -> str:
    """The page with one policy <meta>, before any script or style can load."""
    tag = f'{_MARK} content="{value}">'
    page_html = without_policy(page_html)
    anchor = _CHARSET.search(page_html) or _HEAD.search(page_html)
    if anchor is None:
        raise ValueError("the page has no <head> to put the policy in")
    return f"{page_html[:anchor.end()]}\n{tag}{page_html[anchor.end():]}"


def without_policy(page_html: str) -> str:
    start = page_html.find(_MARK)
    if start < 0:
        return page_html
    end = page_html.index(">", start) + 1
    if page_html[start - 1:start] == "\n":
        start -= 1
    return page_html[:start] + page_html[end:]


@dataclass
class Applied:
    pages: int
    changed: int
    hashes: int
    policy: str


@dataclass
class _Scanned:
    version: tuple[int, int]  # size and modification time when scanned
    hashes: set[str]
    policy: str | None  # the policy the page carries


def apply(site_dir: Path, memo: dict[Path, _Scanned] | None = None) -> Applied:
    """Give every HTML page of ``site_dir`` the site-wide policy; rewrite only pages that differ.

    ``memo`` (kept by `make serve` between builds) skips reading pages unchanged since last time.
    """
    memo = {} if memo is None else memo
    pages = sorted(p for p in site_dir.rglob("*.html") if p.is_file())
    texts: dict[Path, str] = {}
    for path in pages:
        stat = path.stat()
        known = memo.get(path)
        if known is None or known.version != (stat.st_size, stat.st_mtime_ns):
            text = texts[path] = path.read_text(encoding="utf-8")
            memo[path] = _Scanned((stat.st_size, stat.st_mtime_ns),
                                  {script_hash(s) for s in inline_scripts(text)}, None)
    for gone in set(memo) - set(pages):
        del memo[gone]
    hashes = set().union(*(memo[p].hashes for p in pages)) if pages else set()
    value = policy(hashes)
    changed = 0
    for path in pages:
        if memo[path].policy == value:
            continue
        text = texts[path] if path in texts else path.read_text(encoding="utf-8")
        if "<head" in text.lower():  # not a fragment
            updated = with_policy(text, value)
            if updated != text:
                path.write_text(updated, encoding="utf-8")
                changed += 1
        stat = path.stat()
        memo[path] = _Scanned((stat.st_size, stat.st_mtime_ns), memo[path].hashes, value)
    return Applied(len(pages), changed, len(hashes), value)
