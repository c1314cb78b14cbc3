// Runs the model's plain test modules inside Pyodide (Python 3.13 compiled to WebAssembly),
// so the code the browser runs is tested where it runs.
//
// usage (from the repository root): node tests/pyodide/run_model_tests.mjs [-v]
//
// Copies model/ (its .py and .toml files) and tests/model/test_*.py into Pyodide's file system,
// skips the modules that need pytest or Hypothesis (they run under CPython only), calls every
// test_* function of the rest, prints a summary and exits non-zero if any test fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const PYODIDE = path.join(ROOT, "node_modules", "pyodide");
const MODEL = path.join(ROOT, "model");
const TESTS = path.join(ROOT, "tests", "model");
const HOME = "/home/pyodide";
const verbose = process.argv.includes("-v");

const NEEDS_PYTEST = /^\s*(?:import|from)\s+(?:pytest|hypothesis)\b/m;

// The same computation in CPython and in Pyodide must give bit-for-bit the same numbers.
const DIGEST = `
import hashlib, json
from model import api, reproduction
request = {"scenario": "rising-lac", "uncertainty": True, "samples": 200, "seed": 1,
           "overrides": {"edge_of_care_families": 135.5, "pause_women": 15, "cost_inflation": 2}}
chosen = {"scenario": "baseline-ons", "uncertainty": True, "samples": 200, "seed": 2,
          "overrides": {"rate_path": "to-target", "target_rate": 60, "years_to_target": 4,
                        "population_projection": "shma", "non_placement_costs": "constant"}}
later = {"scenario": "falling-lac", "uncertainty": True, "samples": 200, "seed": 3,
         "overrides": {"start_from": "observed", "observed_year": 2022, "observed_lac": 285,
                       "pause_women": 15, "years_of_care_avoided": 1.65, "dv_victim_places": 60}}
payload = {"compute": api.compute(request), "choices": api.compute(chosen),
           "later": api.compute(later), "reproduction": reproduction.comparisons()}
hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
`;

function cpythonDigest() {
  const venv = path.join(ROOT, ".venv", "bin", "python");
  const python = existsSync(venv) ? venv : "python3";
  const lines = DIGEST.trim().split("\n");
  const script = [...lines.slice(0, -1), `print(${lines.at(-1)})`].join("\n");
  const run = spawnSync(python, ["-c", script], { cwd: ROOT, encoding: "utf8" });
  return run.status === 0 ? run.stdout.trim() : null;
}

async function main() {
  const { loadPyodide } = await import(path.join(PYODIDE, "pyodide.mjs"));
  const started = Date.now();
  const pyodide = await loadPyodide({ indexURL: PYODIDE + path.sep });
  const loadSeconds = (Date.now() - started) / 1000;

  pyodide.FS.mkdirTree(`${HOME}/model`);
  pyodide.FS.mkdirTree(`${HOME}/tests_model`);
  for (const name of (await readdir(MODEL)).sort()) {
    if (name.endsWith(".py") || name.endsWith(".toml")) {
      pyodide.FS.writeFile(`${HOME}/model/${name}`, await readFile(path.join(MODEL, name)));
    }
  }
  const modules = [];
  const skipped = [];
  for (const name of (await readdir(TESTS)).sort()) {
    if (!/^test_.*\.py$/.test(name)) continue;
    const source = await readFile(path.join(TESTS, name), "utf8");
    if (NEEDS_PYTEST.test(source)) {
      skipped.push(name);
      continue;
    }
    pyodide.FS.writeFile(`${HOME}/tests_model/${name}`, source);
    modules.push(name.slice(0, -3));
  }

  pyodide.globals.set("MODULES", pyodide.toPy(modules));
  const report = JSON.parse(
    pyodide.runPython(`
import importlib, json, sys, time, traceback
sys.path[:0] = ["${HOME}", "${HOME}/tests_model"]
results = []
for module_name in MODULES:
    try:
        module = importlib.import_module(module_name)
    except Exception:
        results.append({"test": module_name, "ok": False, "error": traceback.format_exc()})
        continue
    for name, func in list(vars(module).items()):
        if not name.startswith("test_") or not callable(func):
            continue
        t0 = time.perf_counter()
        try:
            func()
            results.append({"test": f"{module_name}::{name}", "ok": True,
                            "ms": (time.perf_counter() - t0) * 1000})
        except Exception:
            results.append({"test": f"{module_name}::{name}", "ok": False,
                            "error": traceback.format_exc()})
json.dumps({"python": sys.version.split()[0], "platform": sys.platform, "results": results})
`),
  );

  const pyodideHash = pyodide.runPython(DIGEST);
  const cpythonHash = cpythonDigest();
  if (cpythonHash === null) {
    console.log("note: no CPython found to compare results with");
  } else {
    report.results.push(
      cpythonHash === pyodideHash
        ? { test: "same results as CPython (sha256 of a full response)", ok: true, ms: 0 }
        : {
            test: "same results as CPython",
            ok: false,
            error: `CPython ${cpythonHash} != Pyodide ${pyodideHash}`,
          },
    );
  }
  const failed = report.results.filter((r) => !r.ok);
  for (const r of report.results) {
    if (!r.ok) console.log(`FAIL ${r.test}\n${r.error}`);
    else if (verbose) console.log(`ok   ${r.test} (${r.ms.toFixed(1)} ms)`);
  }
  console.log(
    `Pyodide ${pyodide.version} (Python ${report.python}, ${report.platform}), loaded in ` +
      `${loadSeconds.toFixed(1)} s: ${report.results.length - failed.length} passed, ` +
      `${failed.length} failed in ${modules.length} modules; skipped (need pytest or ` +
      `Hypothesis): ${skipped.join(", ") || "none"}`,
  );
  if (report.results.length === 0) {
    console.log("no tests ran");
    return 1;
  }
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
