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
import threading
import time
import venv
from pathlib import Path

_PINNED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", re.MULTILINE)
_STEP = re.compile(r"^(?:Collecting|Requirement already satisfied:)\s+([A-Za-z0-9._-]+)"
                   r"|^Processing \S*?([A-Za-z0-9_.]+?)-\d")
_SKIPPED = re.compile(r"^Ignoring [A-Za-z0-9._-]+: markers")
QUIET_S = 10  # say something at least this often, so a slow install never looks stuck


class Progress:
    """Prints progress lines, and 'still working' when pip has been silent for a while."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last = self.started
        self.phase = "starting pip"
        self.done = threading.Event()
        threading.Thread(target=self._heartbeat, daemon=True).start()

    def say(self, text: str) -> None:
        print(f"    {text}  ({self.elapsed()} s)", flush=True)
        self.last = time.monotonic()

    def elapsed(self) -> int:
        return round(time.monotonic() - self.started)

    def _heartbeat(self) -> None:
        while not self.done.wait(1):
            if time.monotonic() - self.last >= QUIET_S:
                self.say(f"... still {self.phase}")


def packages_in(lock: Path) -> int:
    return len(_PINNED.findall(lock.read_text(encoding="utf-8")))


def install(env: Path, lock: Path, label: str) -> int:
    total = packages_in(lock)
    progress = Progress()
    if not (env / "bin" / "python").exists():
        progress.phase = f"creating {env}/"
        progress.say(f"creating {env}/")
        venv.create(env, with_pip=True)
    print(f"  installing the {label} packages pinned in {lock} (hashes checked):", flush=True)
    progress.phase = "asking the registry for the first package"
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
            progress.phase = "downloading"
            progress.say(f"[{len(seen):>3}/{total}] {name}")
        elif line.startswith("Installing collected packages"):
            progress.phase = f"unpacking and installing {len(seen)} packages"
            progress.say(f"unpacking and installing {len(seen)} packages ...")
        elif line.startswith("ERROR"):
            progress.say(line.rstrip())
    status = process.wait()
    progress.done.set()
    if status != 0:
        print("  pip failed; its last lines were:", *tail, sep="\n    ", file=sys.stderr)
        return status
    print(f"  {label} packages ready in {progress.elapsed()} s", flush=True)
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
