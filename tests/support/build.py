"""Build the site as `make site` does: generate the pages, then a strict MkDocs build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_project(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m sitegen pages`, then `mkdocs build --strict` into ``out``, in ``project``.

    Returns the first step that failed, or the build.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in (["-m", "sitegen", "pages"],
                    ["-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]):
        result = subprocess.run([sys.executable, *command], cwd=project, env=env,
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            break
    return result
