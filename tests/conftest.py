"""Shared fixtures: the built site, a 127.0.0.1 server for it, and a headless browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.browser import PageLog, chromium_missing_message
from tests.support.build import build_project

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The strictly built site: `make test` builds it once into site/ and passes SITE_DIR."""
    given = os.environ.get("SITE_DIR")
    if given:
        path = Path(given).resolve()
        if not (path / "index.html").exists():
            pytest.fail(f"SITE_DIR={given} has no index.html; run `make site` first")
        return path
    out = tmp_path_factory.mktemp("site")
    result = build_project(ROOT, out)
    if result.returncode != 0:
        pytest.fail(f"{' '.join(result.args[1:])} failed:\n{result.stderr[-4000:]}")
    return out


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    from tests.support.server import serve_directory

    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_available() -> None:
    message = chromium_missing_message()
    if message:
        pytest.fail(message)  # never skip silently: CI must run the browser tests


@pytest.fixture(scope="session")
def browser(chromium_available: None) -> Iterator[Browser]:
    from tests.support.browser import launch_chromium

    with launch_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[tuple[Page, PageLog]]:
    """A fresh browser context (empty cache) and a log of what its page requests."""
    from tests.support.browser import watch

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    log = watch(tab, site_url)
    try:
        yield tab, log
    finally:
        context.close()
