"""`make serve` while a maintainer edits: the page shows the edit by itself, and a broken build
shows its error on every page (one line per problem) instead of leaving the browser waiting."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.support.build import copy_project

pytestmark = pytest.mark.site

REPORT = "reports/2018-childrens-social-care-performance"
WAIT_S = 60  # generous: a busy 2-core CI machine; `make bench` reports the real figure


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _until(url: str, wanted: str) -> tuple[int, str]:
    deadline = time.monotonic() + WAIT_S
    while True:
        status, body = _get(url)
        if wanted in body or time.monotonic() > deadline:
            return status, body
        time.sleep(0.2)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = copy_project(tmp_path_factory.mktemp("serve"))
    port = _free_port()
    log = (project / "serve.log").open("w", buffering=1)
    server = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if _get(url)[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make serve did not start:\n" + (project / "serve.log").read_text()[-3000:])
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


def test_an_edit_to_a_content_file_shows_on_its_page(served: tuple[Path, str]) -> None:
    project, url = served
    path = project / "content" / f"{REPORT}.yaml"
    original = path.read_text()
    path.write_text(original.replace("purpose: >-", "purpose: >-\n  Freshly edited.", 1))
    try:
        status, body = _until(f"{url}{REPORT}/", "Freshly edited.")
    finally:
        path.write_text(original)
    assert status == 200 and "Freshly edited." in body
    assert 'http-equiv="Content-Security-Policy"' in body
    # only what the edit affects: the data was re-read, a dozen pages rendered again, not 120
    rebuilt = [line for line in (project / "serve.log").read_text().split("\n") if line.startswith("rebuilt")]
    found = re.fullmatch(r"rebuilt \(content changed\): (\d+) page\(s\) rendered, \d+ written, in .*",
                         rebuilt[-1])
    assert found and 0 < int(found.group(1)) < 30, rebuilt[-1]


def test_a_broken_build_shows_its_error_and_recovers(served: tuple[Path, str]) -> None:
    project, url = served
    path = project / "content" / f"{REPORT}.yaml"
    original = path.read_text()
    path.write_text(original.replace("purpose:", "purpos:", 1))
    try:
        status, body = _until(f"{url}{REPORT}/", "could not be built")
        assert status == 500
        assert f"content/{REPORT}.yaml" in body and "purpos: unknown field" in body
        assert "could not be built" in _get(url)[1], "every page shows the error"
    finally:
        path.write_text(original)
    status, body = _until(f"{url}{REPORT}/", "What the report is for")
    assert status == 200


def test_the_open_page_reloads_by_itself_under_the_sites_security_policy(
        served: tuple[Path, str], browser: Browser) -> None:
    project, url = served
    path = project / "content" / f"{REPORT}.yaml"
    original = path.read_text()
    tab = browser.new_page()
    refused: list[str] = []
    tab.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    tab.goto(f"{url}{REPORT}/")
    tab.wait_for_timeout(500)  # the reload poller has started
    path.write_text(original.replace("purpose: >-", "purpose: >-\n  Seen without reloading.", 1))
    try:
        tab.wait_for_function("() => document.body?.innerText.includes('Seen without reloading.')",
                              timeout=WAIT_S * 1000)
    finally:
        path.write_text(original)
        tab.close()
    assert refused == []
