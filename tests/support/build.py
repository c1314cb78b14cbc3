"""Build the site as `make site` does: pages, strict MkDocs build, security policy, output check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ["mkdocs.yml", "docs", "content", "sitegen", "model", "explorer"]


def copy_project(target: Path) -> Path:
    """What a build reads, copied, so a test can break it; node_modules and the chart cache are shared."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part,
                            ignore=shutil.ignore_patterns("__pycache__", "_generated"))
        else:
            shutil.copy2(source, target / part)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache" / "charts").is_dir():
        shutil.copytree(ROOT / ".cache" / "charts", target / ".cache" / "charts")
    return target


def build_project(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run `make site`'s steps in ``project``, building into ``out``.

    Returns the first step that failed, or the build.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in (["-m", "sitegen", "pages"],
                    ["-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                    ["-m", "sitegen", "csp", str(out)],
                    ["-m", "sitegen", "check", str(out)]):
        result = subprocess.run([sys.executable, *command], cwd=project, env=env,
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            break
    return result
