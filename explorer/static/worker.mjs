// The explorer's model runner: a module Web Worker that starts Pyodide (self-hosted, never a CDN),
// installs the model from its wheel the way Pyodide installs any package (our own lock file, which
// names that wheel and its sha256 and nothing else), and answers { id, request } messages.
//
// Messages to the page (client.mjs):
//   { type: "ready", ms }                      Python is up and the model imported
//   { type: "result", id, json, ms }           json: the page's view (explorer_presenter.handle)
//   { type: "error", id, message }             this request failed (the worker stays usable)
//   { type: "failed", message }                Pyodide could not start: nothing will be computed
import { loadPyodide } from "/*@PYODIDE@*/";

// Written by explorer/build.py: where Pyodide, the standard library and the model's lock file
// are, relative to this file, and the package and module to load.
const CONFIG = /*@CONFIG@*/ {};

const here = (name) => new URL(name, import.meta.url).href;
const started = performance.now();
let fullStdlibMounted = false;

// Pyodide reports a WebAssembly download or compile failure (a missing file, WebAssembly blocked
// by a security policy) only with console.warn("wasm instantiation failed!") or an error printed
// to the console, and then never settles: turn those into "failed".
let wasmFailed;
const wasmFailure = new Promise((_, reject) => (wasmFailed = reject));
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    const text = String(args[0]);
    if (/wasm instantiation failed|failed to asynchronously prepare wasm|CompileError|Aborted\(/.test(text)) {
      wasmFailed(new Error("the WebAssembly runtime could not be loaded"));
    }
    original(...args);
  };
}

const phases = { script: started }; // performance.now() marks, sent with "ready" (the benchmark)
const loading = (async () => {
  const pyodideBase = here(CONFIG.pyodide);
  const pyodide = await loadPyodide({
    indexURL: pyodideBase,
    stdLibURL: new URL(CONFIG.stdlib, pyodideBase).href,
    lockFileURL: here(CONFIG.lock), // names only the model: nothing can come from elsewhere
    packageBaseUrl: new URL("./", here(CONFIG.lock)).href, // not Pyodide's default, a CDN
    packages: [CONFIG.package], // downloaded while Python starts; its sha256 is checked
  });
  phases.python = performance.now();
  let entry;
  try {
    entry = pyodide.pyimport(CONFIG.entry);
  } catch (error) {
    if (error?.type !== "ModuleNotFoundError") throw error;
    await mountFullStdlib(pyodide);
    entry = pyodide.pyimport(CONFIG.entry);
  }
  phases.model = performance.now();
  return { pyodide, handle: entry.handle };
})();
const ready = Promise.race([loading, wasmFailure]);

ready.then(
  () => postMessage({ type: "ready", ms: performance.now() - started, phases, origin: performance.timeOrigin }),
  (error) => postMessage({ type: "failed", message: String(error?.message ?? error).split("\n")[0].slice(0, 300) }),
);

// The trimmed standard library holds what the model imported at build time. Should it ever import
// something else, make the full library (shipped alongside) importable once, and retry.
async function mountFullStdlib(pyodide) {
  const url = new URL(CONFIG.fullStdlib, here(CONFIG.pyodide)).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${CONFIG.fullStdlib}: HTTP ${response.status}`);
  pyodide.FS.writeFile("/lib/python_stdlib_full.zip", new Uint8Array(await response.arrayBuffer()));
  pyodide.pyimport("explorer_fallback").mount("/lib/python_stdlib_full.zip");
  fullStdlibMounted = true;
}

self.onmessage = async ({ data }) => {
  const { id, request } = data;
  let runtime;
  try {
    runtime = await ready;
  } catch {
    return; // "failed" has already been posted
  }
  const text = JSON.stringify(request);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const t0 = performance.now();
    try {
      const json = runtime.handle(text);
      postMessage({ type: "result", id, json, ms: performance.now() - t0 });
      return;
    } catch (error) {
      if (error?.type === "ModuleNotFoundError" && !fullStdlibMounted && attempt === 0) {
        try {
          await mountFullStdlib(runtime.pyodide);
          continue;
        } catch (mountError) {
          postMessage({ type: "error", id, message: String(mountError?.message ?? mountError) });
          return;
        }
      }
      // Keep the last line of a Python traceback: the exception itself.
      const lines = String(error?.message ?? error).trim().split("\n");
      postMessage({ type: "error", id, message: lines[lines.length - 1] });
      return;
    }
  }
};
