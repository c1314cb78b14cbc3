"""The trimmed standard library is enough for everything the page asks of the model, in Pyodide
itself (under Node); and the worker's fallback, mounting the full library, works."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.build import trace_requests
from explorer.bundle import bundle_json, model_bundle
from explorer.paths import PYODIDE
from explorer.registry import page_registry
from explorer.stdlib import traced_stdlib

SCRIPT = """
import { loadPyodide } from %(pyodide)s;
import { readFileSync } from "node:fs";
const bundle = JSON.parse(readFileSync(%(bundle)s, "utf8"));
const info = JSON.parse(readFileSync(%(lock)s, "utf8")).info;
const pyodide = await loadPyodide({
  lockFileContents: { info, packages: {} }, packageBaseUrl: %(dir)s, stdLibURL: %(stdlib)s,
  fsInit: async (FS, { sitePackages }) => {
    for (const [name, source] of Object.entries(bundle.files)) {
      const target = `${sitePackages}/${name}`;
      FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
      FS.writeFile(target, source);
    }
  },
});
const handle = pyodide.pyimport(bundle.entry).handle;
const requests = JSON.parse(readFileSync(%(requests)s, "utf8"));
const views = requests.map((r) => JSON.parse(handle(JSON.stringify(r))));
let missing = null;
try { pyodide.runPython("import statistics"); } catch (e) { missing = e.type; }
// what worker.mjs does when the model imports a module the trace did not see
pyodide.FS.writeFile("/lib/python_stdlib_full.zip", readFileSync(%(full)s));
pyodide.pyimport("explorer_fallback").mount("/lib/python_stdlib_full.zip");
const mean = pyodide.runPython("import statistics, importlib.metadata; statistics.mean([1, 2, 3])");
console.log(JSON.stringify({ summaries: views.map((v) => v.summary), missing, mean }));
"""


def test_pyodide_runs_every_request_on_the_trimmed_library_and_can_fall_back(
        tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (README: Node.js 20+)")
    registry = page_registry()
    bundle = model_bundle()
    requests = trace_requests(registry)
    requests.append({"scenario": "rising-lac", "overrides": {"edge_of_care_families": "200"},
                     "uncertainty": True, "samples": 30})
    (tmp_path / "bundle.json").write_text(bundle_json(bundle))
    (tmp_path / "requests.json").write_text(json.dumps(requests))
    stdlib = traced_stdlib(bundle, trace_requests(registry))
    values = {
        "pyodide": (PYODIDE / "pyodide.mjs").as_uri(), "bundle": tmp_path / "bundle.json",
        "lock": PYODIDE / "pyodide-lock.json", "dir": f"{PYODIDE}/", "stdlib": stdlib,
        "requests": tmp_path / "requests.json", "full": PYODIDE / "python_stdlib.zip",
    }
    script = SCRIPT % {k: json.dumps(str(v)) for k, v in values.items()}
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True,
                          text=True, check=False, timeout=300)
    # Pyodide prints its whole minified source with an error: keep the lines that say what failed
    said = "\n".join(line[:300] for line in done.stderr.splitlines() if len(line) < 2000)
    assert done.returncode == 0, said[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(result["summaries"]) == len(requests)
    assert all("looked-after children" in s for s in result["summaries"])
    assert result["missing"] == "ModuleNotFoundError"  # statistics is not in the trimmed zip
    assert result["mean"] == 2
