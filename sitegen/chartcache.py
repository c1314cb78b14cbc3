"""Chart specs cached by a hash of what they are drawn from.

Drawing a chart with Bokeh costs about 0.1 s, and the site has more than fifty; a content edit
usually changes one or none. The key covers the chart's inputs, the drawing code and the Bokeh
version, so a cached spec is always the one a fresh drawing would give. Specs live in memory and
under ``.cache/charts/`` (ignored by git), so `make pages` and `make serve` share them.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bokeh
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "charts"
_CODE = Path(__file__).resolve().parent / "charts.py"

_memory: dict[str, str] = {}
_used: set[str] = set()


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def chart_key(kind: str, *inputs: Any) -> str:
    code = hashlib.sha256(_CODE.read_bytes()).hexdigest()
    text = json.dumps([kind, bokeh.__version__, code, _plain(list(inputs))], sort_keys=True, default=str)
    return f"{kind}-{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def cached_chart(key: str, draw: Callable[[], str]) -> str:
    """The spec stored under ``key``, drawing (and storing) it on a miss."""
    _used.add(key)
    if key in _memory:
        return _memory[key]
    path = CACHE_DIR / f"{key}.json"
    try:
        spec = path.read_text(encoding="utf-8")
    except OSError:
        spec = draw()
        _store(path, spec)
    _memory[key] = spec
    return spec


def _store(path: Path, spec: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(spec)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only checkout still builds; it only draws every time


def cached_by_inputs(kind: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Decorate a chart function of plain data (numbers, text, lists, dicts) to cache its spec."""
    def decorate(draw: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(draw)
        def cached(*args: Any) -> str:
            return cached_chart(chart_key(kind, *args), lambda: draw(*args))
        return cached
    return decorate


def forget_unused() -> None:
    """Drop specs no chart of the last build used, so the cache does not grow with every edit."""
    for key in set(_memory) - _used:
        del _memory[key]
    if CACHE_DIR.is_dir():
        for path in CACHE_DIR.glob("*.json"):
            if path.stem not in _used:
                path.unlink(missing_ok=True)
    _used.clear()
