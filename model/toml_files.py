"""The model's TOML data files, and the parsed copies the browser reads in their place.

Pyodide parses ``assumptions.toml`` (40 kB) in 30 to 60 ms on a slow machine, on the way to a
shared link's figures, and imports ``tomllib`` and ``datetime`` to do it. The wheel the browser
installs (``explorer/wheel.py``) carries each TOML file parsed already, as JSON beside it with
the TOML's SHA-256; ``load`` uses such a copy only when it was made from exactly the bytes of
the TOML next to it, so the TOML stays the one source of truth. The source tree has no copies.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def copy_path(path: Path) -> Path:
    """Where the parsed copy of ``path`` lives: ``assumptions.toml.parsed.json``."""
    return path.with_name(path.name + ".parsed.json")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parsed_copy(path: Path) -> bytes:
    """The parsed copy of a TOML file, as ``load`` reads it."""
    import tomllib

    raw = path.read_bytes()
    copy = {"toml_sha256": _sha256(raw), "data": tomllib.loads(raw.decode("utf-8"))}
    return json.dumps(copy, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def load(path: Path) -> dict[str, Any]:
    """A TOML file's contents: from its parsed copy when that was made from these very bytes,
    else parsed here."""
    raw = path.read_bytes()
    copy = copy_path(path)
    if copy.is_file():
        parsed = json.loads(copy.read_bytes())
        if parsed.get("toml_sha256") == _sha256(raw):
            data: dict[str, Any] = parsed["data"]
            return data
    import tomllib  # only where there is no copy (CPython, the tests): the browser never needs it

    return tomllib.loads(raw.decode("utf-8"))
