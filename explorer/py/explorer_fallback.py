"""Make Pyodide's full standard library importable after start-up.

The page ships a trimmed standard library (explorer/stdlib.py). If the model ever imports a
module the build-time trace did not see, the worker (static/worker.mjs) writes the full library
to ``full_zip`` and calls ``mount``. Appending to sys.path is not enough for a submodule of a
package already imported from the trimmed zip (``importlib.metadata``, say): Python looks for it
only on the package's ``__path__``, so each such path gets its twin in the full zip too.
"""

from __future__ import annotations

import importlib
import sys


def mount(full_zip: str) -> None:
    trimmed = next(p for p in sys.path if p.endswith(".zip") and p != full_zip)
    if full_zip not in sys.path:
        sys.path.append(full_zip)
    for module in list(sys.modules.values()):
        path = getattr(module, "__path__", None)
        if not isinstance(path, list):
            continue
        for entry in list(path):
            if entry.startswith(trimmed + "/"):
                twin = full_zip + entry[len(trimmed):]
                if twin not in path:
                    path.append(twin)
    importlib.invalidate_caches()
