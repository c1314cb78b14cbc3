"""Speed and size of the scenario explorer, against the targets in issue 5.

Builds the page twice into a temporary folder: as shipped ("optimised") and the straightforward
version of the same page (explorer.variants.STRAIGHTFORWARD: no build-time results, Pyodide
started alongside the charts, full standard library and lock file, band on every change, no
coalescing, Panel's default output). Each is served from 127.0.0.1 by the tests' static server
(tests/support/server.py) and opened in headless Chromium with an empty cache for every run;
figures are medians of RUNS runs.

  first chart      navigation start -> the scenario's line is on the canvas (read from pixels)
  shared link      navigation start -> a link's own settings computed and painted
  control          input event -> both charts repainted (BokehJS's paint promise), 50 changes
  bytes            every response (headers and body), page and worker, until the model has
                   answered; "gzip": the same responses as a host that gzips them (level 6)
                   would send them, each compressible file compressed here

When `make site` has built site/, the shipped page is also timed inside the site's /explorer/
page, as readers open it (its figures count from that page's navigation start).
"""

from __future__ import annotations

import gzip
import os
import socketserver
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from tests.support.server import serve_directory

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site"))  # as the tests: `make site` builds it
RUNS = 5
CHANGES = 50
APP = "explorer/app/"
LINK = "#scenario=rising-lac&edge_of_care_families=200&pause_women=15&cost_per_week=1100"
TIMEOUT_MS = 90_000
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg"}

TARGETS = {
    "first_chart": ("first chart, default scenario", 1000.0, "ms"),
    "link_shown": ("shared link computed and shown", 3500.0, "ms"),
    "control_median": ("control -> repainted chart, median", 30.0, "ms"),
    "control_p95": ("control -> repainted chart, p95", None, "ms"),
    "choice_median": ("choice (radio) -> repainted, median", 30.0, "ms"),
    "model_ready": ("Pyodide and the model ready", None, "ms"),
    "framed_first_chart": ("first chart via the site's /explorer/", 1000.0, "ms"),
    "framed_link": ("shared link via the site's /explorer/", 3500.0, "ms"),
    "bytes_cold": ("bytes transferred, cold", None, "B"),
    "bytes_gzip": ("bytes transferred, cold, gzip", 6.5e6, "B"),
    "bytes_warm": ("bytes transferred, warm reload", None, "B"),
    "requests": ("requests, cold", None, "n"),
}

# Finds the scenario's line (Okabe-Ito blue, #0072B2) on any chart canvas, every frame, from the
# first frame on, so "first chart" means data on screen whichever way the page got it.
FIRST_CHART_PROBE = """
(() => {
  const canvases = (root, out) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.tagName === "CANVAS") out.push(el);
      if (el.shadowRoot) canvases(el.shadowRoot, out);
    }
    return out;
  };
  const blue = (d, i) => Math.abs(d[i] - 0) < 30 && Math.abs(d[i + 1] - 114) < 30 &&
                         Math.abs(d[i + 2] - 178) < 30 && d[i + 3] > 200;
  const drawn = () => {
    let found = 0;
    for (const c of canvases(document, [])) {
      if (c.width < 50 || c.height < 50) continue;
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 16) if (blue(d, i)) found += 1;
    }
    return found > 150;
  };
  const tick = () => {
    if (document.readyState !== "loading" && drawn()) window.__firstChart = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

CONTROL_LOOP = """
async ([name, changes]) => {
  const input = document.getElementById("n-" + name);
  const times = [];
  for (let i = 0; i < changes; i += 1) {
    const painted = new Promise((resolve) => document.addEventListener("explorer:render",
      function on(e) { if (e.detail.reason === "control") {
        document.removeEventListener("explorer:render", on); resolve(e.detail); } }));
    input.value = String(100 + 7 * i);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const detail = await painted;
    times.push(detail.paintedAt - detail.eventTime);
    await new Promise((r) => setTimeout(r, 40));
  }
  return times;
}
"""

# The rate path's radios, in turn: a choice changes the whole forecast, not one term of it.
CHOICE_LOOP = """
async ([name, changes]) => {
  const radios = [...document.querySelectorAll(`input[type="radio"][data-choice="${name}"]`)];
  const times = [];
  for (let i = 0; i < changes; i += 1) {
    const painted = new Promise((resolve) => document.addEventListener("explorer:render",
      function on(e) { if (e.detail.reason === "control") {
        document.removeEventListener("explorer:render", on); resolve(e.detail); } }));
    const radio = radios[(i + 1) % radios.length];
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    const detail = await painted;
    times.push(detail.paintedAt - detail.eventTime);
    await new Promise((r) => setTimeout(r, 40));
  }
  return times;
}
"""

# ------------------------------------------------------------------------------ sizes
GZIP_HEADER = len(b"Content-Encoding: gzip\r\n")


@dataclass(frozen=True)
class Response:
    headers: int
    body: int
    gzip_body: int  # the body as a gzipping host would send it

    @property
    def size(self) -> int:
        return self.headers + self.body

    @property
    def gzip_size(self) -> int:
        if self.gzip_body >= self.body:
            return self.size
        return self.headers + GZIP_HEADER + self.gzip_body


@cache
def _gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def _file_for(root: Path, url: str) -> Path | None:
    """The file under ``root`` that the static server sent for ``url``."""
    path = root / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def _response(request: Any, root: Path) -> Response:
    try:
        sizes = request.sizes()
    except Exception:  # a request whose sizes Chromium no longer has
        return Response(0, 0, 0)
    headers, body = int(sizes["responseHeadersSize"]), int(sizes["responseBodySize"])
    path = _file_for(root, request.url)
    compressed = body
    if path is not None and path.suffix in COMPRESSIBLE and path.stat().st_size == body:
        compressed = _gzipped_size(path)
    return Response(headers, body, compressed)


# ------------------------------------------------------------------------------ measuring
@dataclass
class Figures:
    samples: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, value: float | None) -> None:
        if value is not None:
            self.samples.setdefault(key, []).append(value)

    def value(self, key: str) -> float | None:
        values = self.samples.get(key)
        return statistics.median(values) if values else None


@contextmanager
def _quiet_disconnects() -> Iterator[None]:
    """A run that ends while a file is still downloading closes its socket, which the tests'
    server reports with a traceback. Only such disconnects are kept quiet, while the bench runs."""
    original = socketserver.BaseServer.handle_error

    def handle_error(self: socketserver.BaseServer, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            original(self, request, client_address)

    setattr(socketserver.BaseServer, "handle_error", handle_error)  # noqa: B010
    try:
        yield
    finally:
        setattr(socketserver.BaseServer, "handle_error", original)  # noqa: B010


@contextmanager
def _cold_page(browser: Any, url: str,
               on_request: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """A page in a new browser context: an empty cache, in an already running browser."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(FIRST_CHART_PROBE)
        if on_request is not None:
            page.on("requestfinished", on_request)
        yield page
    finally:
        context.close()


@contextmanager
def _profile_page(pw: Any) -> Iterator[Any]:
    """A page in a new browser profile on disk, as a reader's browser has, for warm reloads: an
    incognito context keeps its cache in memory and cannot hold the 9.6 MB WebAssembly file."""
    from tests.support.browser import CHROMIUM, CHROMIUM_FLAGS

    with tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def _wait(page: Any, expression: str) -> float:
    page.wait_for_function(f"() => {expression} !== undefined", timeout=TIMEOUT_MS)
    value: float = page.evaluate(f"() => {expression}")
    return value


def measure_variant(pw: Any, browser: Any, root: Path) -> Figures:
    figures = Figures()
    with serve_directory(root) as url:
        for _ in range(RUNS):  # cold: first chart, Pyodide ready, bytes
            received: list[Response] = []

            def record(request: Any, got: list[Response] = received) -> None:
                got.append(_response(request, root))

            with _cold_page(browser, url, record) as page:
                page.goto(url + APP)
                figures.add("first_chart", _wait(page, "window.__firstChart"))
                figures.add("model_ready", _wait(page, "explorer.timings.modelReady"))
                page.wait_for_load_state("networkidle")
                figures.add("bytes_cold", sum(r.size for r in received))
                figures.add("bytes_gzip", sum(r.gzip_size for r in received))
                figures.add("requests", len(received))
        for _ in range(RUNS):  # a shared link with settings of its own
            with _cold_page(browser, url) as page:
                page.goto(url + APP + LINK)
                figures.add("link_shown", _wait(page, "explorer.timings.linkShown"))
        with _cold_page(browser, url) as page:  # 50 control changes once the model runs
            page.goto(url + APP)
            _wait(page, "explorer.timings.modelReady")
            page.evaluate("document.getElementById('c-edge_of_care_families')"
                          ".closest('details').open = true")
            page.evaluate(CONTROL_LOOP, ["edge_of_care_families", 3])  # warm up the code paths
            times = page.evaluate(CONTROL_LOOP, ["edge_of_care_families", CHANGES])
            figures.samples["control_median"] = [statistics.median(times)]
            figures.samples["control_p95"] = [statistics.quantiles(times, n=20)[18]]
            if page.evaluate("document.querySelector('input[data-choice=\"rate_path\"]') !== null"):
                page.evaluate(CHOICE_LOOP, ["rate_path", 3])
                times = page.evaluate(CHOICE_LOOP, ["rate_path", CHANGES])
                figures.samples["choice_median"] = [statistics.median(times)]
        for _ in range(RUNS):  # load once in a fresh profile, then reload
            with _profile_page(pw) as page:
                page.goto(url + APP)
                _wait(page, "explorer.timings.modelReady")
                page.wait_for_load_state("networkidle")
                warm: list[Response] = []
                page.on("requestfinished", lambda r, warm=warm: warm.append(_response(r, root)))
                page.reload()
                _wait(page, "explorer.timings.modelReady")
                page.wait_for_load_state("networkidle")
                figures.add("bytes_warm", sum(r.size for r in warm))
    return figures


def measure_framed(browser: Any, site: Path, figures: Figures) -> None:
    """The same, opened the way readers do: the site's /explorer/ page, which frames the app.
    Times are from the site page's navigation start."""
    frame_time = ("(() => { const f = document.querySelector('iframe.explorer-frame');"
                  " const w = f && f.contentWindow; const t = w && (%s);"
                  " return t === undefined || t === null ? undefined"
                  " : w.performance.timeOrigin + t - performance.timeOrigin; })()")
    with serve_directory(site) as url:
        for _ in range(RUNS):
            with _cold_page(browser, url) as page:
                page.goto(url + "explorer/")
                figures.add("framed_first_chart", _wait(page, frame_time % "w.__firstChart"))
            with _cold_page(browser, url) as page:
                page.goto(url + "explorer/" + LINK)
                figures.add("framed_link",
                            _wait(page, frame_time % "w.explorer && w.explorer.timings.linkShown"))


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "ms":
        return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"
    if unit == "B":
        return f"{value / 1e6:.2f} MB" if value >= 1e5 else f"{value / 1e3:.1f} kB"
    return f"{value:.0f}"


def report(results: dict[str, Figures]) -> str:
    names = list(results)
    lines = [f"{'':40}{'target':>10}" + "".join(f"{n:>18}" for n in names)]
    for key, (label, target, unit) in TARGETS.items():
        cells = []
        for name in names:
            value = results[name].value(key)
            mark = "" if target is None or value is None else (" ok" if value <= target else " MISS")
            cells.append(f"{_show(value, unit) + mark:>18}")
        limit = f"<= {_show(target, unit)}" if target is not None else ""
        lines.append(f"{label:40}{limit:>10}" + "".join(cells))
    return "\n".join(lines)


def build(out: Path) -> dict[str, Path]:
    from explorer.build import explorer_files, write_files
    from explorer.variants import OPTIMISED, STRAIGHTFORWARD

    roots = {}
    for variant in (OPTIMISED, STRAIGHTFORWARD):
        root = out / variant.name
        write_files(explorer_files(variant), root)
        roots[variant.name] = root
    return roots


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_FLAGS, chromium_missing_message

    missing = chromium_missing_message()
    if missing:
        print(missing)
        return 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        roots = build(Path(tmp))
        with sync_playwright() as pw, _quiet_disconnects():
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=CHROMIUM_FLAGS)
            try:
                results = {name: measure_variant(pw, browser, root)
                           for name, root in roots.items()}
                if (SITE / "explorer" / "index.html").exists():  # built by `make site`
                    measure_framed(browser, SITE, results["optimised"])
            finally:
                browser.close()
    print(f"Scenario explorer, headless Chromium, 127.0.0.1, cold cache, {os.cpu_count()} cores; "
          f"medians of {RUNS} runs, control over {CHANGES} changes")
    print(report(results))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
