"""The trimmed standard library is enough for everything the page asks of the model, in Pyodide
itself (under Node), with the model installed from its wheel as the browser's worker does; and
the worker's fallback, mounting the full library, works."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.build import trace_requests
from explorer.paths import PYODIDE
from explorer.registry import page_registry
from explorer.stdlib import model_bytecode, traced_stdlib
from explorer.wheel import ENTRY, PACKAGE, build_wheel, lock_file, wheel_sources

SCRIPT = """
import { loadPyodide } from %(pyodide)s;
import { readFileSync } from "node:fs";
const pyodide = await loadPyodide({ indexURL: %(dir)s, stdLibURL: %(stdlib)s, lockFileURL: %(lock)s,
                                    packages: [%(package)s] });
const handle = pyodide.pyimport(%(entry)s).handle;
const requests = JSON.parse(readFileSync(%(requests)s, "utf8"));
const views = requests.map((r) => JSON.parse(handle(JSON.stringify(r))));
const lines = pyodide.runPython("import json; len(json.dumps.__code__.co_linetable)");
const own = pyodide.runPython("from model import api; len(api.compute.__code__.co_linetable)");
// the wheel's own bytecode, hash-based and unchecked (flags 1): Python runs it without compiling
const flags = pyodide.runPython(
  "from model import api; int.from_bytes(open(api.__cached__, 'rb').read()[4:8], 'little')");
let missing = null;
try { pyodide.runPython("import statistics"); } catch (e) { missing = e.type; }
// what worker.mjs does when the model imports a module the trace did not see
pyodide.FS.writeFile("/lib/python_stdlib_full.zip", readFileSync(%(full)s));
pyodide.pyimport("explorer_fallback").mount("/lib/python_stdlib_full.zip");
const mean = pyodide.runPython("import statistics, importlib.metadata; statistics.mean([1, 2, 3])");
console.log(JSON.stringify({ summaries: views.map((v) => v.summary), missing, mean, lines, own, flags }));
"""


def test_pyodide_runs_every_request_on_the_trimmed_library_and_can_fall_back(
        tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (README: Node.js 20+)")
    registry = page_registry()
    stdlib = traced_stdlib(build_wheel(), trace_requests(registry))
    wheel = build_wheel({**wheel_sources(), **model_bytecode(stdlib)})  # as the site ships it
    (tmp_path / wheel.file_name).write_bytes(wheel.data)
    (tmp_path / "pyodide-lock.json").write_text(lock_file(wheel, PYODIDE / "pyodide-lock.json"))
    requests = trace_requests(registry)
    requests.append({"scenario": "rising-lac", "overrides": {"edge_of_care_families": "200"},
                     "uncertainty": True, "samples": 30})
    (tmp_path / "requests.json").write_text(json.dumps(requests))
    values = {
        "pyodide": (PYODIDE / "pyodide.mjs").as_uri(), "dir": f"{PYODIDE}/", "stdlib": stdlib,
        "lock": tmp_path / "pyodide-lock.json", "package": PACKAGE, "entry": ENTRY,
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
    assert result["lines"] == 0  # the standard library's bytecode carries no line tables
    assert result["own"] > 0  # the model's own code keeps them, for its tracebacks
    assert result["flags"] == 1  # and comes precompiled in the wheel
