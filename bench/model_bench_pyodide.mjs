// The model benchmark (bench/model_bench.py) run inside Pyodide under Node.
//
// usage (from the repository root): node bench/model_bench_pyodide.mjs [--json]
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PYODIDE = path.join(ROOT, "node_modules", "pyodide");
const HOME = "/home/pyodide";

const { loadPyodide } = await import(path.join(PYODIDE, "pyodide.mjs"));
const started = performance.now();
const pyodide = await loadPyodide({ indexURL: PYODIDE + path.sep });
const loadMs = performance.now() - started;

pyodide.FS.mkdirTree(`${HOME}/model`);
for (const name of await readdir(path.join(ROOT, "model"))) {
  if (name.endsWith(".py") || name.endsWith(".toml")) {
    pyodide.FS.writeFile(`${HOME}/model/${name}`, await readFile(path.join(ROOT, "model", name)));
  }
}
pyodide.FS.writeFile(`${HOME}/model_bench.py`, await readFile(path.join(ROOT, "bench", "model_bench.py")));

const json = process.argv.includes("--json");
if (!json) console.log(`Pyodide ${pyodide.version} loaded in ${(loadMs / 1000).toFixed(1)} s`);
pyodide.globals.set("ARGS", pyodide.toPy(json ? ["--json"] : []));
pyodide.runPython(`
import sys
sys.path[:0] = ["${HOME}"]
import model_bench
model_bench.main(list(ARGS) + ["--label", f"Pyodide {sys.version.split()[0]} (WebAssembly, Node)"])
`);
