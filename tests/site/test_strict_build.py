"""A maintainer who breaks a link or an anchor gets a failed build, not a site with a dead link."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.build import build_project

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ["mkdocs.yml", "docs", "content", "sitegen", "model", "explorer"]


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("project")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", "_generated"))
        else:
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return build_project(project, project / "out")


@pytest.mark.parametrize(
    ("markdown", "complaint"),
    [
        ("[the plan](action-plans/no-such-plan.md)", "no-such-plan.md"),
        ("[decisions](meetings/2017-12-12.md#no-such-heading)", "no-such-heading"),
    ],
)
def test_a_broken_link_or_anchor_fails_the_build(project_copy: Path, markdown: str,
                                                 complaint: str) -> None:
    page = project_copy / "docs" / "index.md"
    original = page.read_text()
    page.write_text(original + f"\n\nSee {markdown}.\n")
    try:
        result = _build(project_copy)
    finally:
        page.write_text(original)
    assert result.returncode != 0
    assert complaint in result.stderr


def test_a_content_mistake_fails_the_build_naming_the_file(project_copy: Path) -> None:
    report = next((project_copy / "content" / "reports").glob("*.yaml"))
    original = report.read_text()
    report.write_text(original.replace("purpose:", "purpos:", 1))
    try:
        result = _build(project_copy)
    finally:
        report.write_text(original)
    assert result.returncode != 0
    assert f"content/reports/{report.name}" in result.stderr
    assert "purpos: unknown field" in result.stderr
