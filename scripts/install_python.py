"""Create a virtual environment and install a hash-pinned lock file into it, showing progress.

`make` runs this the first time (and when a lock file changes). pip's own output is a few hundred
lines, or nothing with --quiet; this prints one short line per package, counted against the lock
file, the elapsed time, and pip's errors in full. Standard library only: it runs before any
dependency is installed.

    python3 scripts/install_python.py VENV LOCKFILE [--label NAME]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import venv
from pathlib import Path

_PINNED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)
_STEP = re.compile(r"^(?:Collecting|Requirement already satisfied:)\s+([A-Za-z0-9._-]+)"
                   r"|^Processing \S*?([A-Za-z0-9_.]+?)-\d")
_SKIPPED = re.compile(r"^Ignoring [A-Za-z0-9._-]+: markers")


def packages_in(lock: Path) -> int:
    return len(_PINNED.findall(lock.read_text(encoding="utf-8")))


def install(env: Path, lock: Path, label: str) -> int:
    started = time.monotonic()
    total = packages_in(lock)
    if not (env / "bin" / "python").exists():
        print(f"  creating {env}/ ...", flush=True)
        venv.create(env, with_pip=True)
    print(f"  installing the {label} packages pinned in {lock} (hashes checked):", flush=True)
    command = [str(env / "bin" / "python"), "-m", "pip", "install", "--disable-pip-version-check",
               "--no-input", "--progress-bar", "off", "--require-hashes", "-r", str(lock)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    seen: set[str] = set()
    tail: list[str] = []
    for line in process.stdout:
        tail = [*tail[-40:], line.rstrip()]
        step = _STEP.match(line)
        name = (step.group(1) or step.group(2)) if step else ""
        if _SKIPPED.match(line):
            total -= 1  # pinned for another Python version
        elif name and name.lower().replace("_", "-") not in seen:
            seen.add(name.lower().replace("_", "-"))
            print(f"    [{len(seen):>3}/{total}] {name}  ({time.monotonic() - started:.0f} s)", flush=True)
        elif line.startswith("Installing collected packages"):
            print(f"    unpacking and installing ... ({time.monotonic() - started:.0f} s)", flush=True)
        elif line.startswith("ERROR"):
            print(f"    {line.rstrip()}", flush=True)
    status = process.wait()
    if status != 0:
        print("  pip failed; its last lines were:", *tail, sep="\n    ", file=sys.stderr)
        return status
    print(f"  {label} packages ready in {time.monotonic() - started:.0f} s", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("env", type=Path)
    parser.add_argument("lock", type=Path)
    parser.add_argument("--label", default="Python")
    args = parser.parse_args()
    return install(args.env, args.lock, args.label)


if __name__ == "__main__":
    sys.exit(main())
