// The explorer's model runner: a module Web Worker that starts Pyodide (self-hosted, never a CDN)
// and answers { id, request } messages with the model's JSON response.
//
// Messages to the page:
//   { type: "ready", ms }                      Python is up and the model imported
//   { type: "result", id, json, ms }           json: the model's response as JSON text
//   { type: "error", id, message }             this request failed (the worker stays usable)
//   { type: "failed", message }                Pyodide could not start: nothing will be computed
import { loadPyodide } from "./pyodide/pyodide.mjs";

// Written by explorer/build.py: file names and the lock file's "info" (Pyodide refuses a lock
// file without it). The lock lists no packages, so Pyodide can never fetch one from its CDN.
const CONFIG = /*@CONFIG@*/ {};

const here = (name) => new URL(name, import.meta.url).href;
const started = performance.now();
// Fetch the model's source while the runtime downloads and compiles.
const bundle = fetch(here(CONFIG.bundle)).then((response) => {
  if (!response.ok) throw new Error(`${CONFIG.bundle}: HTTP ${response.status}`);
  return response.json();
});

let fullStdlibMounted = false;

// Pyodide 314 reports a WebAssembly download or compile failure (file missing, wasm blocked) only
// with console.warn("wasm instantiation failed!") and then never settles: turn that into "failed".
let wasmFailed;
const wasmFailure = new Promise((_, reject) => (wasmFailed = reject));
const warn = console.warn.bind(console);
console.warn = (...args) => {
  if (String(args[0]).startsWith("wasm instantiation failed")) wasmFailed(new Error("the WebAssembly runtime could not be loaded"));
  warn(...args);
};

const loading = (async () => {
  // An empty lock file, given inline: nothing to fetch, and no package Pyodide could ever try
  // to load from its CDN. (The straightforward build lets Pyodide fetch its full lock file.)
  const lock = CONFIG.lockFile
    ? { lockFileURL: here(CONFIG.lockFile) }
    : { lockFileContents: { info: CONFIG.lockInfo, packages: {} }, packageBaseUrl: here("pyodide/") };
  const pyodide = await loadPyodide({
    indexURL: here("pyodide/"),
    ...lock,
    stdLibURL: here(CONFIG.stdlib),
    // Write the model into site-packages before Python starts, so importing it needs no I/O.
    fsInit: async (FS, { sitePackages }) => {
      for (const [name, source] of Object.entries((await bundle).files)) {
        const target = `${sitePackages}/${name}`;
        FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
        FS.writeFile(target, source);
      }
    },
  });
  let entry;
  try {
    entry = pyodide.pyimport((await bundle).entry);
  } catch (error) {
    if (error?.type !== "ModuleNotFoundError") throw error;
    await mountFullStdlib(pyodide);
    entry = pyodide.pyimport((await bundle).entry);
  }
  return { pyodide, handle: entry.handle };
})();
const ready = Promise.race([loading, wasmFailure]);

ready.then(
  () => postMessage({ type: "ready", ms: performance.now() - started }),
  (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
);

// The trimmed standard library holds what the model imported at build time. Should it ever import
// something else, make the full library (shipped alongside) importable once, and retry.
async function mountFullStdlib(pyodide) {
  const response = await fetch(here(CONFIG.fullStdlib));
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
