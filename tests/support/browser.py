"""Headless Chromium from Debian, driven by Playwright (its own browser download fails here)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing_message() -> str | None:
    if Path(CHROMIUM).exists():
        return None
    return (
        f"No Chromium at {CHROMIUM}. Run `make test` (it installs Debian's chromium when run as root "
        "with apt), or install chromium yourself and set CHROMIUM=/path/to/chromium."
    )


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Chromium with a fresh temporary profile, closed afterwards."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageLog:
    """What a page did: every request it made and every error it printed."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests that left the site's own origin (data: and blob: URLs stay in the page)."""
        own = urlsplit(self.origin).netloc
        return [
            url for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != own
        ]


def watch(page: Page, origin: str) -> PageLog:
    log = PageLog(origin=origin)
    page.on("request", lambda request: log.requests.append(request.url))
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
    return log
