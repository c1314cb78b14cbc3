"""The page's ES modules under Node (node --test), one pytest test per test file.

Each file in tests/explorer/js/ imports modules from explorer/static/ and gets the real
registry the page is built with (the path in EXPLORER_REGISTRY) and the shared cases in
tests/cases/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.registry import page_registry

JS_TESTS = Path(__file__).resolve().parent / "js"
FILES = sorted(JS_TESTS.glob("*.test.mjs"))


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("registry") / "registry.json"
    path.write_text(json.dumps(page_registry()), encoding="utf-8")
    return path


@pytest.mark.parametrize("test_file", FILES, ids=[f.name for f in FILES])
def test_javascript_module(test_file: Path, registry_file: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (README: Node.js 20+)")
    done = subprocess.run([node, "--test", "--test-reporter=tap", str(test_file)],
                          capture_output=True, text=True, check=False, timeout=120,
                          env={**os.environ, "EXPLORER_REGISTRY": str(registry_file)})
    failures = [line for line in done.stdout.splitlines() if line.lstrip().startswith("not ok")]
    assert done.returncode == 0, "\n".join(failures) + "\n" + done.stdout[-6000:] + done.stderr[-2000:]


def test_every_module_has_tests() -> None:
    """Each ES module the page loads is tested under Node, except the few that only touch the
    page (they are tested in the browser, tests/browser/test_explorer.py)."""
    static = Path(__file__).resolve().parents[2] / "explorer" / "static"
    browser_only = {"main", "dom", "charts", "controls", "anchors", "view", "worker"}
    modules = {p.stem for p in static.glob("*.mjs")} - browser_only
    tested = {p.name.removesuffix(".test.mjs") for p in FILES}
    assert modules <= tested, f"no Node tests for: {sorted(modules - tested)}"
