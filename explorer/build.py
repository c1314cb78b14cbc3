"""What the explorer adds to the site: its page, its scripts and data, the model and Pyodide.

``sitegen`` calls ``explorer_site()`` in the pages step (``make pages``). Files whose content can
change from one build to the next live under names that change with it, so a browser may keep
each for as long as it likes:

    explorer/index.md                 the page (Markdown with the explorer's HTML inside)
    explorer/code-<hash>/             the page's ES modules, the worker and the page's data
    explorer/model-<hash>/            the model's wheel and the Pyodide lock file naming it
    explorer/pyodide-<version>/       Pyodide's runtime (npm package) and the trimmed stdlib
    explorer/app/                     where the explorer used to be: sends old links on
    assets/explorer.css               the explorer's styles (every page lists them: mkdocs.yml)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bokeh

from explorer import abbreviations, page, palette, search_gate
from explorer.charts import CHART_COLUMNS, PINNED_COLUMNS, ROLES, build_charts
from explorer.digest import digest
from explorer.paths import PYODIDE, STATIC, TEMPLATES
from explorer.py.explorer_presenter import LAYOUT, view
from explorer.registry import page_registry
from explorer.stdlib import model_bytecode, traced_stdlib
from explorer.wheel import ENTRY, PACKAGE, build_wheel, lock_file, wheel_sources
from model import api
from sitegen.vendored import without_cdn

FOLDER = "explorer"
CSS_URI = "assets/explorer.css"
WORKER = "worker.mjs"
PYODIDE_LOADER = "pyodide.mjs"
CONFIG_MARK = "/*@CONFIG@*/ {}"
PYODIDE_MARK = "/*@PYODIDE@*/"

FileSource = str | bytes | Path


@dataclass(frozen=True)
class ExplorerSite:
    pages: dict[str, str]  # docs-relative Markdown pages
    assets: dict[str, FileSource]  # site-relative files


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


def pyodide_runtime(pyodide: Path = PYODIDE) -> list[str]:
    """What the browser fetches of the npm package as the package has it, besides the loader
    (served without its CDN fallback) and the stdlib: the Emscripten module (``pyodide.asm.js``;
    ``.mjs`` from 314 on) and the WebAssembly binary."""
    modules = sorted(p.name for p in pyodide.glob("pyodide.asm.*js"))
    if len(modules) != 1 or not (pyodide / "pyodide.asm.wasm").is_file():
        raise RuntimeError(f"the npm package pyodide at {pyodide} is not as expected (found "
                           f"{modules or 'no pyodide.asm.js'}, and pyodide.asm.wasm "
                           f"{'present' if (pyodide / 'pyodide.asm.wasm').is_file() else 'missing'}"
                           "): run `npm ci`")
    return [*modules, "pyodide.asm.wasm"]


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def modules() -> list[str]:
    """The page's ES modules (main.mjs and what it imports); the worker is apart."""
    return sorted(p.name for p in STATIC.glob("*.mjs") if p.name != WORKER)


BOOT = "boot.js"  # the page's one script (a file): starts the explorer early


def configured(name: str, config: Mapping[str, object]) -> str:
    """The static script ``name`` with ``config`` written in at its CONFIG_MARK."""
    source = static_text(name)
    if CONFIG_MARK not in source:
        raise RuntimeError(f"{name} has lost its {CONFIG_MARK!r} marker")
    return source.replace(CONFIG_MARK, json.dumps(config, separators=(",", ":")))


def worker_source(config: Mapping[str, str]) -> str:
    """worker.mjs with its configuration and the address of Pyodide's module written in."""
    source = configured(WORKER, config)
    if PYODIDE_MARK not in source:
        raise RuntimeError(f"{WORKER} has lost its {PYODIDE_MARK!r} marker")
    return source.replace(PYODIDE_MARK, f"{config['pyodide']}pyodide.mjs")


def search_gate_file(theme_worker: str) -> tuple[str, str]:
    """(site-relative path, text) of the search gate (explorer/search_gate.py): beside the
    theme's worker, with its name, the channel and the longest hold written in, and named by
    its content."""
    folder, worker = theme_worker.rsplit("/", 1)
    text = configured(search_gate.GATE, {"worker": worker, "channel": search_gate.CHANNEL,
                                         "holdMs": search_gate.HOLD_MS})
    return f"{folder}/explorer-search-gate-{digest(text)}.js", text


def stylesheet() -> str:
    """The explorer's CSS: the palette's colours, then explorer.css."""
    return palette.css() + static_text("explorer.css")


def explorer_site(bokeh_js_uri: str, glossary: Mapping[str, str] | None = None) -> ExplorerSite:
    """The explorer's page and files. ``bokeh_js_uri``: the site's own BokehJS (site-relative),
    which the indicator pages load too, so a reader downloads it once. ``glossary``: the site's
    acronyms (term -> what it stands for), expanded on hover as on every other page."""
    registry = page_registry()
    results = preset_results(registry)
    model_files = wheel_sources()
    stdlib = traced_stdlib(build_wheel(model_files), trace_requests(registry))
    wheel = build_wheel({**model_files, **model_bytecode(stdlib)})  # the same, precompiled
    lock = lock_file(wheel, PYODIDE / "pyodide-lock.json")
    pyodide_version = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    pyodide_dir = f"pyodide-{pyodide_version}"
    stdlib_name = f"python_stdlib-{digest(stdlib.read_bytes())}.zip"
    model_dir = f"model-{digest(wheel.data, lock)}"

    charts = build_charts(results[registry["default_preset"]]["series"])
    bokeh_src = f"{bokeh_js_uri}?v={bokeh.__version__}"
    data = {
        # "groups" only lays out the form; the page's script reads the flat lists.
        "registry": {k: v for k, v in registry.items() if k != "groups"},
        "layout": LAYOUT,
        "built": results,
        "charts": {"doc": charts.doc, "roots": charts.roots, "columns": CHART_COLUMNS,
                   "pinned": list(PINNED_COLUMNS),
                   "roles": ROLES, "themes": palette.chart_themes(),
                   "material_schemes": palette.MATERIAL_SCHEME},
    }
    worker = worker_source({
        "pyodide": f"../{pyodide_dir}/", "stdlib": stdlib_name,
        "fullStdlib": "python_stdlib_full.zip", "lock": f"../{model_dir}/pyodide-lock.json",
        "package": PACKAGE, "entry": ENTRY,
    })
    sources = {name: static_text(name) for name in modules()}
    plain = page.explorer_html(registry, results, version="", code="", preload_scripts=[],
                               preload_modules=[])
    terms = abbreviations.used(glossary or {}, [re.sub(r"<[^>]+>", " ", plain), json.dumps(data)])
    data["abbreviations"] = {"pattern": abbreviations.pattern(terms), "terms": terms}
    # Not sort_keys: BokehJS reads a model where it is first defined, before any reference to it.
    data_json = json.dumps(data, separators=(",", ":"), allow_nan=False)
    version = digest(data_json, worker, static_text(BOOT), *sources.values())
    code = f"code-{version}"

    html = abbreviations.wrap_html(page.explorer_html(
        registry, results, version=version, code=code,
        preload_scripts=[f"../{bokeh_src}"],
        preload_modules=[f"{code}/{name}" for name in modules()],
    ), terms)
    assets: dict[str, FileSource] = {
        f"{FOLDER}/{code}/{WORKER}": worker,
        f"{FOLDER}/{code}/data.json": data_json,
        **{f"{FOLDER}/{code}/{name}": text for name, text in sources.items()},
        f"{FOLDER}/{code}/{BOOT}": static_text(BOOT),
        f"{FOLDER}/{model_dir}/{wheel.file_name}": wheel.data,
        f"{FOLDER}/{model_dir}/pyodide-lock.json": lock,
        **{f"{FOLDER}/{pyodide_dir}/{name}": PYODIDE / name for name in pyodide_runtime()},
        f"{FOLDER}/{pyodide_dir}/{PYODIDE_LOADER}": without_cdn(PYODIDE / PYODIDE_LOADER),
        f"{FOLDER}/{pyodide_dir}/{stdlib_name}": stdlib,
        f"{FOLDER}/{pyodide_dir}/python_stdlib_full.zip": PYODIDE / "python_stdlib.zip",
        **{f"{FOLDER}/{path}": source for path, source in charts.assets.items()},
        f"{FOLDER}/app/index.html": (TEMPLATES / "moved.html").read_text(encoding="utf-8"),
        f"{FOLDER}/app/moved.js": static_text("moved.js"),
        CSS_URI: stylesheet(),
    }
    theme_worker = search_gate.theme_search_worker()
    gate_path, gate_text = search_gate_file(theme_worker)
    assets[gate_path] = gate_text
    markdown = page.page_markdown(html, head_script=f"{FOLDER}/{code}/{BOOT}",
                                  search_worker=theme_worker, gate_worker=gate_path)
    return ExplorerSite(pages={f"{FOLDER}/index.md": markdown}, assets=assets)


def write_files(files: Mapping[str, FileSource], out: Path) -> None:
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
