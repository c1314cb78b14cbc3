"""A smaller, precompiled Python standard library for the browser.

Pyodide ships its standard library as ~600 modules of *source* (2.5 MB); starting Python then
compiles every module it imports, which is most of Pyodide's start-up time. At build time we run
the model once in Pyodide under Node (`node/trace_stdlib.mjs`), installed from its wheel as the
browser installs it, note which standard-library modules were imported, and ship only those, as
bytecode compiled by Pyodide's own Python. Measured under Node: start-up 2.6 s -> 0.9 s, and
2.5 MB -> 1.2 MB.

The bytecode carries no line-number tables (``LINE_TABLES = False``): 1.2 MB -> 0.8 MB to download,
for tracebacks inside the standard library that show no line numbers (the model's own code, from
its wheel, keeps them). Nothing the model or Pyodide does reads them.

The full library is still shipped next to it; the worker mounts it only if the model ever imports
a module the trace did not see (see `static/worker.mjs`), so a stale trace costs time, not a
failure. The result is cached by the hash of everything that affects it.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from explorer.digest import digest
from explorer.paths import CACHE, EXPLORER, PYODIDE
from explorer.wheel import PACKAGE, ModelWheel, lock_file

TRACER = EXPLORER / "node" / "trace_stdlib.mjs"
BYTECODE = "bytecode.zip"  # the model's modules, compiled by the same run (see model_bytecode)
LINE_TABLES = False
log = logging.getLogger(__name__)


class TraceError(RuntimeError):
    """Node could not run the model in Pyodide to find the modules it needs."""


def traced_stdlib(wheel: ModelWheel, requests: Sequence[dict[str, Any]],
                  pyodide: Path = PYODIDE, cache: Path = CACHE,
                  line_tables: bool = LINE_TABLES) -> Path:
    """Path to the trimmed, precompiled ``python_stdlib.zip`` for this model (built if needed)."""
    requests_text = json.dumps(list(requests), sort_keys=True)
    lock = (pyodide / "pyodide-lock.json").read_bytes()
    key = digest(wheel.sha256, requests_text, lock, TRACER.read_bytes(), str(line_tables))
    target = cache / key / "python_stdlib.zip"
    if target.exists():
        return target
    node = shutil.which("node")
    if node is None:
        raise TraceError("Node.js is needed to build the explorer (see README: Node.js 20+)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / wheel.file_name).write_bytes(wheel.data)
        (work / "pyodide-lock.json").write_text(lock_file(wheel, pyodide / "pyodide-lock.json"),
                                               encoding="utf-8")
        (work / "requests.json").write_text(requests_text, encoding="utf-8")
        result = subprocess.run(
            [node, str(TRACER), str(pyodide), str(work / "pyodide-lock.json"), PACKAGE,
             str(work / "requests.json"), str(work),
             *([] if line_tables else ["--no-line-tables"])],
            capture_output=True, text=True, check=False, timeout=300,
        )
        if result.returncode != 0:
            # Pyodide prints its whole minified source with a stack trace: keep the last lines.
            tail = "\n".join(result.stderr.strip().splitlines()[-25:])[-3000:]
            raise TraceError(f"tracing the model in Pyodide failed:\n{tail}")
        target.parent.mkdir(parents=True, exist_ok=True)
        for name in ("python_stdlib.zip", "modules.json", BYTECODE):
            shutil.copyfile(work / name, target.parent / name)
    log.info("explorer: %s", result.stdout.strip())
    _prune(cache, keep=target.parent)
    return target


def model_bytecode(stdlib: Path) -> dict[str, bytes]:
    """The model's modules as Pyodide's Python compiled them in the run that traced ``stdlib``:
    ``model/__pycache__/api.cpython-313.pyc`` -> unchecked hash-based bytecode of
    ``model/api.py``. Shipped in the wheel beside the sources, so the browser runs them without
    compiling the model (about a tenth of a second on a slow machine); the sources stay for
    tracebacks and for anyone reading what runs."""
    with zipfile.ZipFile(stdlib.parent / BYTECODE) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _prune(cache: Path, keep: Path, entries: int = 4) -> None:
    """Keep the few most recent traces (one per model version worked on), not every one."""
    old = sorted((d for d in cache.iterdir() if d.is_dir() and d != keep),
                 key=lambda d: d.stat().st_mtime, reverse=True)[entries - 1:]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
