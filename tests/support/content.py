"""What `make validate` says about a folder of content (the problems, one line each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.content import ContentError, load_content


def content_problems(root: Path) -> list[str]:
    """The problems load_content finds in ``root``; fails the test if it finds none."""
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.problems
