"""The model as a wheel, and a Pyodide lock file that names it with its sha256.

The browser's worker installs the model the way Pyodide installs any package: ``loadPyodide``
reads our own lock file (never Pyodide's, which names ~350 packages it would fetch from a CDN),
downloads the wheel beside it, checks its sha256 and unpacks it into site-packages.

The wheel holds the ``model`` package (code and the data files it reads at run time), the
worker's entry module and its standard-library fallback, as top-level modules. It is built here
with ``zipfile`` (a wheel is a zip with three metadata files; ``pip wheel`` would need a
``pyproject.toml`` for the model alone), reproducibly: fixed dates, sorted entries.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from explorer.paths import FALLBACK, MODEL_PACKAGE, PRESENTER
from model import toml_files

DISTRIBUTION = "thurrock_model"  # the wheel's file name
PACKAGE = "thurrock-model"  # the name the lock file and loadPyodide({packages}) use
ENTRY = "explorer_presenter"  # the module the worker imports; it defines handle(json) -> json
DATA_SUFFIXES = {".py", ".toml", ".json", ".csv"}  # the model reads its assumptions at run time
EPOCH = (1980, 1, 1, 0, 0, 0)  # zip's earliest date: the same wheel from the same sources


@dataclass(frozen=True)
class ModelWheel:
    file_name: str
    data: bytes
    imports: tuple[str, ...]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def wheel_sources(package: Path = MODEL_PACKAGE) -> dict[str, bytes]:
    """Path inside site-packages -> bytes: the model package (tests excluded), the worker's entry
    module and its standard-library fallback."""
    if not (package / "__init__.py").exists():
        raise FileNotFoundError(f"the model package is missing: {package}/__init__.py")
    files: dict[str, bytes] = {}
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package.parent)
        if (path.suffix not in DATA_SUFFIXES or not path.is_file()
                or any(part in {"tests", "__pycache__"} for part in relative.parts)):
            continue
        files[relative.as_posix()] = path.read_bytes()
        if path.suffix == ".toml":  # read parsed, in the browser (model/toml_files.py)
            files[toml_files.copy_path(relative).as_posix()] = toml_files.parsed_copy(path)
    files[f"{ENTRY}.py"] = PRESENTER.read_bytes()
    files[f"{FALLBACK.stem}.py"] = FALLBACK.read_bytes()
    return files


def model_version(package: Path = MODEL_PACKAGE) -> str:
    from model.api import VERSION

    return VERSION if package == MODEL_PACKAGE else "0"


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return f"sha256={digest.decode()}"


def build_wheel(sources: dict[str, bytes] | None = None, version: str | None = None) -> ModelWheel:
    """A py3-none-any wheel of ``sources`` (default: ``wheel_sources()``)."""
    sources = wheel_sources() if sources is None else sources
    version = model_version() if version is None else version
    info = f"{DISTRIBUTION}-{version}.dist-info"
    files = dict(sorted(sources.items()))
    files[f"{info}/METADATA"] = (f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: {version}\n"
                                 "Summary: The looked-after children model of the APHR 2017, "
                                 "as the scenario explorer runs it\n").encode()
    files[f"{info}/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: explorer.wheel\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in files.items())
    files[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    imports = tuple(sorted({name.split("/", 1)[0].removesuffix(".py") for name in sources
                            if name.endswith(".py")}))
    return ModelWheel(f"{DISTRIBUTION}-{version}-py3-none-any.whl", buffer.getvalue(), imports)


def lock_file(wheel: ModelWheel, pyodide_lock: Path) -> str:
    """A Pyodide lock file naming only the model's wheel (file name relative to the lock file).

    ``info`` is copied from Pyodide's own lock file: Pyodide refuses a lock file for another
    Python or platform.
    """
    info = json.loads(pyodide_lock.read_text(encoding="utf-8"))["info"]
    package = {
        "name": PACKAGE, "version": wheel.file_name.split("-")[1], "file_name": wheel.file_name,
        "install_dir": "site", "sha256": wheel.sha256, "package_type": "package",
        "imports": list(wheel.imports), "depends": [], "unvendored_tests": False, "tool": {},
    }
    return json.dumps({"info": info, "packages": {PACKAGE: package}}, indent=1, sort_keys=True)
