"""A copy of content/ a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitegen.content import CONTENT_DIR


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT_DIR, tmp_path / "content"))
