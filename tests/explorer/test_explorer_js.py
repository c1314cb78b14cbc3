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

from explorer.py.explorer_presenter import LAYOUT, view
from explorer.registry import page_registry
from model import api

JS_TESTS = Path(__file__).resolve().parent / "js"
FILES = sorted(JS_TESTS.glob("*.test.mjs"))


# Results the Node tests' stand-in for the model answers with, computed here by the real model
# and presenter: (scenario, overrides) with and without the uncertainty band.
VIEWS = [
    ("baseline-ons", {}), ("rising-lac", {}), ("falling-lac", {}), ("population-growth-only", {}),
    ("rising-lac", {"edge_of_care_families": 200}),
    ("rising-lac", {"edge_of_care_families": 150}),
    ("rising-lac", {"edge_of_care_families": 100}),
    ("rising-lac", {"edge_of_care_families": 200, "end_year": 2030}),
    ("falling-lac", {"uasc": 40}),
]


def view_key(scenario: str, overrides: dict[str, object], band: bool) -> str:
    return json.dumps([scenario, sorted(overrides.items()), band], separators=(",", ":"))


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("registry")
    path = folder / "registry.json"
    path.write_text(json.dumps(page_registry()), encoding="utf-8")
    views = {view_key(scenario, overrides, band): view(api.compute({
        "scenario": scenario, "overrides": overrides, "uncertainty": band, "samples": 50}))
        for scenario, overrides in VIEWS for band in (False, True)}
    (folder / "views.json").write_text(json.dumps({"layout": LAYOUT, "views": views}),
                                       encoding="utf-8")
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


@pytest.mark.parametrize("module", sorted((Path(__file__).resolve().parents[2] / "explorer" /
                                           "static").glob("*.mjs")), ids=lambda p: p.name)
def test_every_module_parses(module: Path) -> None:
    """The modules that only run in the browser too: a syntax error is caught here, in seconds."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (README: Node.js 20+)")
    done = subprocess.run([node, "--check", str(module)], capture_output=True, text=True,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
