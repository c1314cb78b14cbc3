"""Where the explorer's inputs live in the repository."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPLORER = ROOT / "explorer"
STATIC = EXPLORER / "static"
TEMPLATES = EXPLORER / "templates"
PRESENTER = EXPLORER / "py" / "explorer_presenter.py"
FALLBACK = EXPLORER / "py" / "explorer_fallback.py"
MODEL_PACKAGE = ROOT / "model"
PYODIDE = ROOT / "node_modules" / "pyodide"
# Build-time cache (traced standard library); under node_modules so `make clean` removes it.
CACHE = ROOT / "node_modules" / ".cache" / "thurrock-explorer"
