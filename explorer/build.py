"""Files the explorer adds to the site (written by the explorer work; empty until then)."""

from __future__ import annotations

from pathlib import Path


def explorer_files() -> dict[str, str | bytes | Path]:
    """Site-relative path -> content (text, bytes, or a file on disk to copy)."""
    return {}
