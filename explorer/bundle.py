"""The Python that runs in the browser: the model's source files plus the worker's entry module."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TypedDict

from explorer.paths import FALLBACK, MODEL_PACKAGE, PRESENTER

ENTRY = "explorer_presenter"  # module the Web Worker imports; it defines handle(json) -> json
DATA_SUFFIXES = {".py", ".toml", ".json", ".csv"}  # the model reads its assumptions at run time


class Bundle(TypedDict):
    entry: str
    files: dict[str, str]  # path inside site-packages -> source text


def model_bundle(package: Path = MODEL_PACKAGE) -> Bundle:
    """The model package's code and data files (tests excluded), the worker's entry module and
    its standard-library fallback."""
    if not (package / "__init__.py").exists():
        raise FileNotFoundError(f"the model package is missing: {package}/__init__.py")
    files: dict[str, str] = {}
    for path in sorted(package.rglob("*")):
        if path.suffix not in DATA_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(package.parent)
        if any(part in {"tests", "__pycache__"} for part in relative.parts):
            continue
        files[relative.as_posix()] = path.read_text(encoding="utf-8")
    files[f"{ENTRY}.py"] = PRESENTER.read_text(encoding="utf-8")
    files[f"{FALLBACK.stem}.py"] = FALLBACK.read_text(encoding="utf-8")
    return {"entry": ENTRY, "files": files}


def bundle_json(bundle: Bundle) -> str:
    return json.dumps(bundle, sort_keys=True, separators=(",", ":"))


def digest(*parts: str | bytes) -> str:
    """A short stable hash, used for cache keys and cache-busting query strings."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:16]
