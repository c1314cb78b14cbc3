"""How long a maintainer waits: `make validate`, `make pages`, and `make serve` after an edit.

Works on a copy of the project (content, docs, code; node_modules and the chart cache shared), so
the edits it makes never touch the real content.

  validate       `python -m sitegen validate`, the whole rulebook (median of RUNS runs)
  pages, warm    `python -m sitegen pages` with the chart cache filled (median of RUNS runs)
  serve, first   `python -m sitegen serve` started -> the first page served
  serve, edit    a content file saved -> its page served with the change (median of EDITS edits)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.support.build import copy_project

RUNS = 3
EDITS = 7
REPORT = "reports/2018-childrens-social-care-performance"
TARGETS = {"validate": 5.0, "serve_edit": 3.0}


def _timed(project: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=project, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return str(response.read().decode())


def measure_serve(project: Path) -> tuple[float, list[float]]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{REPORT}/"
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "sitegen", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    path = project / "content" / f"{REPORT}.yaml"
    original = path.read_text()
    try:
        while True:
            try:
                _get(url)
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("the server stopped") from None
                time.sleep(0.2)
        first = time.perf_counter() - started
        edits = []
        for number in range(EDITS):
            marker = f"Benchmark edit {number}."
            saved = time.perf_counter()
            path.write_text(original.replace("purpose: >-", f"purpose: >-\n  {marker}", 1))
            while marker not in _get(url):
                time.sleep(0.05)
            edits.append(time.perf_counter() - saved)
            time.sleep(1)
        return first, edits
    finally:
        path.write_text(original)
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        _timed(project, "pages")  # fills the copy's chart cache
        validate = statistics.median(_timed(project, "validate") for _ in range(RUNS))
        pages = statistics.median(_timed(project, "pages") for _ in range(RUNS))
        first, edits = measure_serve(project)
    edit = statistics.median(edits)
    print(f"Maintainer's waits, {os.cpu_count()} cores (medians; a busy machine inflates them)")
    rows = [("make validate (whole rulebook)", validate, TARGETS["validate"]),
            ("make pages, chart cache warm", pages, None),
            ("make serve: started -> first page", first, None),
            ("make serve: content saved -> page shows it", edit, TARGETS["serve_edit"])]
    for label, seconds, target in rows:
        met = target is not None and seconds <= target
        verdict = "" if target is None else f"  target {target:.0f} s: {'met' if met else 'MISSED'}"
        print(f"  {label:<45} {seconds:6.2f} s{verdict}")
    print(f"  (each edit: {', '.join(f'{e:.2f}' for e in edits)} s; {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
