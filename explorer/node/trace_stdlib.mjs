// Build-time helper, run by explorer/stdlib.py under Node (never shipped to the browser).
//
// Starts Pyodide with its full standard library, installs the model's wheel from our lock file as
// the browser's worker does, runs the given requests through it, then writes a smaller standard
// library holding only the modules Python actually imported, compiled to bytecode by Pyodide's
// own Python (so the browser neither downloads the other ~500 modules nor compiles the ones it
// needs). With --no-line-tables the bytecode carries no line numbers (see explorer/stdlib.py).
// It also writes the model's own modules compiled the same way (bytecode.zip), for the wheel the
// browser installs.
//
// usage: node trace_stdlib.mjs <pyodide dir> <model lock file> <package> <requests .json> <out dir>
//        [--no-line-tables]
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const [pyodideDir, lockFile, packageName, requestsPath, outDir] = process.argv.slice(2);
const stripLines = process.argv.includes("--no-line-tables");
const { loadPyodide } = await import(path.resolve(pyodideDir, "pyodide.mjs"));
const requests = await readFile(requestsPath, "utf8");

const pyodide = await loadPyodide({
  indexURL: path.resolve(pyodideDir) + "/",
  lockFileURL: path.resolve(lockFile), // names only the model: nothing else can be fetched
  packages: [packageName],
});
pyodide.globals.set("REQUESTS_JSON", requests);
pyodide.globals.set("STRIP_LINES", stripLines);
pyodide.globals.set("PACKAGE", packageName);
const result = pyodide.runPython(`
import importlib, json, sys, types, zipfile, io, importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc

entry = importlib.import_module("explorer_presenter")
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

def without_lines(code):
    consts = tuple(without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
    for member in sorted(keep):
        text = source.read(member)
        code = compile(text, member, "exec", dont_inherit=True, optimize=2)
        if STRIP_LINES:
            code = without_lines(code)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
        info = zipfile.ZipInfo(member[:-3] + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(info, bytes(pyc))
with open("/tmp/python_stdlib.zip", "wb") as f:
    f.write(out.getvalue())

# The model's own modules that the requests imported, as Pyodide's Python compiles them (line
# tables kept, for its tracebacks), for the wheel's __pycache__: the browser then does not
# compile them. Its other modules (the command line, the reproduction checks) stay source only.
import importlib.metadata
with zipfile.ZipFile("/tmp/bytecode.zip", "w", zipfile.ZIP_DEFLATED) as target:
    for file in sorted(importlib.metadata.files(PACKAGE), key=str):
        module = ".".join(file.with_suffix("").parts).removesuffix(".__init__")
        if file.suffix != ".py" or module not in sys.modules:
            continue
        text = file.locate().read_bytes()
        code = compile(text, str(file), "exec", dont_inherit=True)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
        info = zipfile.ZipInfo(importlib.util.cache_from_source(str(file)), date_time=(1980, 1, 1, 0, 0, 0))
        target.writestr(info, bytes(pyc))
json.dumps(sorted(keep))
`);
const modules = JSON.parse(result);
await writeFile(path.join(outDir, "python_stdlib.zip"), pyodide.FS.readFile("/tmp/python_stdlib.zip"));
await writeFile(path.join(outDir, "modules.json"), JSON.stringify(modules, null, 1));
await writeFile(path.join(outDir, "bytecode.zip"), pyodide.FS.readFile("/tmp/bytecode.zip"));
console.log(`kept ${modules.length} standard-library modules`);
