"""Files the explorer adds to the site: the standalone page, its scripts, the model and Pyodide.

`sitegen` calls ``explorer_files()`` during the MkDocs build; ``python -m explorer build DIR``
writes the same files to a folder (the benchmark builds both variants that way).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from explorer import page
from explorer.bundle import bundle_json, digest, model_bundle
from explorer.paths import APP, PYODIDE
from explorer.py.explorer_presenter import view
from explorer.registry import page_registry
from explorer.stdlib import traced_stdlib
from explorer.variants import OPTIMISED, Variant
from model import api

STATIC_FILES = ("glue.mjs", "state.mjs", "explorer.css")
PYODIDE_RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
CONFIG_MARK = "/*@CONFIG@*/ {}"


def preset_results(registry: Mapping[str, Any]) -> dict[str, Any]:
    """Each published scenario as the page shows it, with its uncertainty band."""
    return {
        preset["id"]: view(api.compute({"scenario": preset["id"], "uncertainty": True,
                                        "samples": registry["samples"]}))
        for preset in registry["presets"]
    }


def trace_requests(registry: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the browser will ask of the model, so the trace sees every module it imports."""
    requests: list[dict[str, Any]] = []
    for preset in registry["presets"]:
        requests.append({"scenario": preset["id"], "uncertainty": True, "samples": 20})
        every_lever = {p["name"]: p["report_value"] if p["report_value"] is not None
                       else p["max"] for p in registry["parameters"]}
        requests.append({"scenario": preset["id"], "overrides": every_lever})
    for choice in registry["choices"]:
        for option in choice["options"]:
            requests.append({"scenario": registry["default_preset"],
                             "overrides": {choice["name"]: option["value"]}})
    requests.append({"scenario": "nonsense", "overrides": {"uasc": "<script>", "x": "1",
                                                           "rate_path": "<b>"},
                     "uncertainty": "maybe", "samples": "NaN"})
    return requests


def worker_source(variant: Variant, stdlib_name: str) -> str:
    lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    config = {
        "bundle": "model.json",
        "lockInfo": lock["info"],
        # The straightforward variant lets Pyodide fetch its full lock file, as by default.
        "lockFile": None if variant.trimmed_stdlib else "pyodide/pyodide-lock.json",
        "stdlib": f"pyodide/{stdlib_name}",
        "fullStdlib": "pyodide/python_stdlib_full.zip",
    }
    source = page.static_text("worker.mjs")
    if CONFIG_MARK not in source:
        raise RuntimeError(f"worker.mjs has lost its {CONFIG_MARK!r} marker")
    return source.replace(CONFIG_MARK, json.dumps(config, separators=(",", ":")))


def explorer_files(variant: Variant = OPTIMISED) -> dict[str, str | bytes | Path]:
    """Site-relative path -> content (text, bytes, or a file on disk to copy)."""
    registry = page_registry()
    results = preset_results(registry)
    bundle = model_bundle()
    model_json = bundle_json(bundle)
    stdlib = (traced_stdlib(bundle, trace_requests(registry)) if variant.trimmed_stdlib
              else PYODIDE / "python_stdlib.zip")
    worker = worker_source(variant, "python_stdlib.zip")
    statics = {name: page.static_text(name) for name in STATIC_FILES}
    version = digest(model_json, worker, *statics.values(), variant.name)
    saved = page.render(variant, registry, results, version)

    files: dict[str, str | bytes | Path] = {
        f"{APP}/index.html": saved.html,
        f"{APP}/worker.mjs": worker,
        f"{APP}/model.json": model_json,
        f"{APP}/pyodide/python_stdlib.zip": stdlib,
        f"{APP}/pyodide/python_stdlib_full.zip": PYODIDE / "python_stdlib.zip",
    }
    files.update({f"{APP}/{name}": text for name, text in statics.items()})
    files.update({f"{APP}/pyodide/{name}": PYODIDE / name for name in PYODIDE_RUNTIME})
    if not variant.trimmed_stdlib:
        files[f"{APP}/pyodide/pyodide-lock.json"] = PYODIDE / "pyodide-lock.json"
    files.update({f"{APP}/{path}": source for path, source in saved.assets.items()})
    return files


def write_files(files: Mapping[str, str | bytes | Path], out: Path) -> None:
    """Write the files under ``out`` as the site would hold them."""
    for relative, content in files.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            target.write_bytes(content.read_bytes())
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
