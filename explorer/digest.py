"""A short stable hash, for file names and cache keys that change when their content does."""

from __future__ import annotations

import hashlib


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:16]
