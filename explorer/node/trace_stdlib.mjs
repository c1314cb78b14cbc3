// Build-time helper, run by explorer/stdlib.py under Node (never shipped to the browser).
//
// Loads Pyodide with its full standard library, installs the model, runs the given requests
// through it, then writes a smaller standard library holding only the modules Python actually
// imported, compiled to bytecode by Pyodide's own Python (so the browser neither downloads the
// other ~500 modules nor compiles the ones it needs).
//
// usage: node trace_stdlib.mjs <pyodide dir> <model bundle .json> <requests .json> <out dir>
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const [pyodideDir, bundlePath, requestsPath, outDir] = process.argv.slice(2);
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const bundle = JSON.parse(await readFile(bundlePath, "utf8"));
const requests = await readFile(requestsPath, "utf8");
const lockInfo = JSON.parse(await readFile(path.join(pyodideDir, "pyodide-lock.json"), "utf8")).info;

const pyodide = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + "/",
  lockFileContents: { info: lockInfo, packages: {} }, // no packages: nothing can be fetched
  packageBaseUrl: path.resolve(pyodideDir) + "/",
  fsInit: async (FS, { sitePackages }) => {
    for (const [name, source] of Object.entries(bundle.files)) {
      const target = `${sitePackages}/${name}`;
      FS.mkdirTree(target.slice(0, target.lastIndexOf("/")));
      FS.writeFile(target, source);
    }
  },
});
pyodide.globals.set("REQUESTS_JSON", requests);
pyodide.globals.set("ENTRY", bundle.entry);
const result = pyodide.runPython(`
import importlib, json, sys, zipfile, io, importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc

entry = importlib.import_module(ENTRY)
for request in json.loads(REQUESTS_JSON):
    entry.handle(json.dumps(request))

stdlib_zip = next(p for p in sys.path if p.endswith(".zip"))
prefix = stdlib_zip + "/"
used = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
    if origin.startswith(prefix):
        used.add(origin[len(prefix):])

source = zipfile.ZipFile(stdlib_zip)
names = set(source.namelist())
keep = set(used)
for member in used:  # every parent package's __init__ is needed to import a submodule
    parts = member.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        init = "/".join(parts[:depth]) + "/__init__.py"
        if init in names:
            keep.add(init)

out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
    for member in sorted(keep):
        text = source.read(member)
        code = compile(text, member, "exec", dont_inherit=True, optimize=2)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
        target.writestr(member[:-3] + ".pyc", bytes(pyc))
with open("/tmp/python_stdlib.zip", "wb") as f:
    f.write(out.getvalue())
json.dumps(sorted(keep))
`);
const modules = JSON.parse(result);
await writeFile(path.join(outDir, "python_stdlib.zip"), pyodide.FS.readFile("/tmp/python_stdlib.zip"));
await writeFile(path.join(outDir, "modules.json"), JSON.stringify(modules, null, 1));
console.log(`kept ${modules.length} standard-library modules`);
