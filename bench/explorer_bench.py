"""Speed and size of the scenario explorer on the site's page, against the targets in issue 9.

Opens the built site (SITE_DIR, default site/: `make site` builds it) in headless Chromium, served
from 127.0.0.1 by the tests' static server, with an empty cache for every run (a new browser
context); figures are medians of RUNS runs. With BENCH_PREVIOUS=path/to/site it measures that
build too (the previous design: the explorer in an <iframe> of the same page), the same way, and
prints both side by side with the ratio. (An older build of this design, with the explorer in
the page, is measured the same way as this one.)

  first chart      navigation start -> the scenario's line is on a chart's canvas (read from
                   pixels, in the page or its frame)
  shared link      navigation start -> a link's own settings computed and painted
  returning        the reader goes back to the explorer within the visit (history.back from
                   another page of the site) -> the scenario's computed figures on screen: this
                   design, once the first frame drawn after they are back on the page is done
                   (until December 2026 it took the moment they went back on the page, a frame
                   and BokehJS's repaint earlier); the previous design, its frame's own signal
  control          input event -> both charts repainted (BokehJS's own "repainted" signal),
                   50 changes, once the model runs
  model start      the model asked for (this design starts it when the reader reaches for a
                   setting, or a link needs it) -> ready to calculate
  bytes            every response (headers and body), page and worker: for the page as opened
                   (this design loads the model only when it is needed) and with the model
                   running; "gzip": as a host that gzips them (level 6) would send them
"""

from __future__ import annotations

import gzip
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bench import machine
from tests.support.explorer import SCENARIO_PIXEL_JS
from tests.support.server import serve_directory

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHANGES = 50
PAGE = "explorer/"
LINK = "#scenario=rising-lac&edge_of_care_families=200&pause_women=15&cost_per_week=1100"
TIMEOUT_MS = 120_000
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg"}

TARGETS = {
    "first_chart": ("first chart", 800.0, "ms"),
    "link_shown": ("a shared link's own figures", 1800.0, "ms"),
    "returning": ("back to the explorer: computed figures", 100.0, "ms"),
    "control_median": ("control -> repainted charts, median", 20.0, "ms"),
    "control_p95": ("control -> repainted charts, p95", None, "ms"),
    "model_start": ("the model: started -> ready", None, "ms"),
    "bytes_page_gzip": ("transferred, cold: the page, gzip", 5.0e6, "B"),
    "bytes_gzip": ("transferred, cold: page + model, gzip", 5.0e6, "B"),
    "bytes_cold": ("transferred, cold: page + model, as served", None, "B"),
    "requests": ("requests, cold: page + model", None, "n"),
}

# Finds the scenario's line (its colour in explorer/palette.py) on any chart canvas, every frame, from the
# first frame on, in the page or in a frame of it, and tells the top page when (epoch ms).
FIRST_CHART_PROBE = """
(() => {
  const canvases = (root, out) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.tagName === "CANVAS") out.push(el);
      if (el.shadowRoot) canvases(el.shadowRoot, out);
    }
    return out;
  };
  const blue = SCENARIO_PIXEL;
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
    if (document.readyState !== "loading" && drawn()) {
      const top = window.top;
      const now = performance.timeOrigin + performance.now();
      if (top.__firstChartEpoch === undefined) top.__firstChartEpoch = now;
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
""".replace("SCENARIO_PIXEL", SCENARIO_PIXEL_JS)

# The same measure in both designs: from the input event to BokehJS's own "repainted" signal of
# both charts (the previous design's "explorer:render" came one frame after it asked BokehJS to
# paint, before the paint itself).
CONTROL_LOOP = """
async ([name, changes]) => {
  const plots = new Map(); // model id -> the plot's view drawn on screen
  for (const root of Object.values(Bokeh.index))
    for (const v of root.owner.query((x) => x.repainted !== undefined && x.canvas_view !== undefined))
      if (v.el.isConnected) plots.set(v.model.id, v);
  let paints = [];
  for (const plot of plots.values()) plot.repainted.connect(() => paints.push(performance.now()));
  const input = document.getElementById("n-" + name);
  const times = [];
  for (let i = 0; i < changes; i += 1) {
    await new Promise((r) => setTimeout(r, 40));
    paints = [];
    const event = new Event("input", { bubbles: true });
    input.value = String(100 + 7 * i);
    input.dispatchEvent(event);
    const start = performance.now();
    while (paints.length < plots.size && performance.now() - start < 5000) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    times.push(Math.max(...paints) - event.timeStamp);
  }
  return times;
}
"""


# ------------------------------------------------------------------------------ the two designs
@dataclass(frozen=True)
class Design:
    """How to read one design's explorer: in the page itself, or in a frame of it."""

    name: str
    framed: bool

    def target(self, page: Any) -> Any:
        """The page or frame the explorer lives in."""
        if not self.framed:
            return page
        page.wait_for_selector("iframe.explorer-frame", timeout=TIMEOUT_MS)
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        while time.monotonic() < deadline:
            frame = next((f for f in page.frames if "/explorer/app/" in f.url), None)
            if frame is not None:
                return frame
            page.wait_for_timeout(20)
        raise TimeoutError("the explorer's frame did not load")

    @property
    def timings(self) -> str:
        return "explorer.timings" if self.framed else "scenarioExplorer.timings"

    def model_ready(self) -> str:
        if self.framed:
            return "explorer.timings.modelReady"
        return ("(scenarioExplorer.state && scenarioExplorer.state().model.status === 'ready' "
                "? performance.now() : undefined)")

    def use_model(self, page: Any) -> None:
        """Do what a reader about to change a setting does: this design then starts the model
        (the previous one started it after the first chart whatever the reader did)."""
        if not self.framed:
            page.wait_for_function("() => window.scenarioExplorer && scenarioExplorer.state",
                                   timeout=TIMEOUT_MS)
            page.focus("#n-uasc")


CURRENT = Design("this design", framed=False)
PREVIOUS = Design("previous design", framed=True)
EARLIER = Design("earlier build", framed=False)  # an older build of this design (in the page)


# ------------------------------------------------------------------------------ sizes
GZIP_HEADER = len(b"Content-Encoding: gzip\r\n")


@dataclass(frozen=True)
class Response:
    headers: int
    body: int
    gzip_body: int

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
def _cold_page(browser: Any, on_request: Callable[[Any], None] | None = None) -> Iterator[Any]:
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


def _in_page_time(page: Any, design: Design, expression: str) -> float:
    """``expression`` (a performance.now() time where the explorer lives) as the top page's time.
    A frame replaced while we wait (the site's instant navigation) is found again."""
    from playwright.sync_api import Error

    guarded = f"(() => {{ try {{ return {expression}; }} catch {{ return undefined; }} }})()"
    for _ in range(5):
        target = design.target(page)
        try:
            target.wait_for_function(f"() => {guarded} !== undefined && {guarded} !== null",
                                     timeout=TIMEOUT_MS)
            value: float = target.evaluate(f"() => performance.timeOrigin + ({expression})")
        except Error as error:
            if "detached" in str(error):
                continue
            raise
        origin: float = page.evaluate("performance.timeOrigin")
        return value - origin
    raise RuntimeError("the explorer's frame kept being replaced")


def _first_chart(page: Any) -> float:
    page.wait_for_function("() => window.__firstChartEpoch !== undefined", timeout=TIMEOUT_MS)
    value: float = page.evaluate("window.__firstChartEpoch - performance.timeOrigin")
    return value


def cold_run(design: Design, browser: Any, url: str, site: Path, figures: Figures) -> None:
    """The page opened with an empty cache: the first chart, the model, what was transferred."""
    received: list[Response] = []

    def record(request: Any) -> None:
        received.append(_response(request, site))

    with _cold_page(browser, record) as page:
        page.goto(url + PAGE)
        figures.add("first_chart", _first_chart(page))
        page.wait_for_load_state("networkidle")
        figures.add("bytes_page_gzip", sum(r.gzip_size for r in received))
        started: float = page.evaluate("performance.now()")
        design.use_model(page)
        ready = _in_page_time(page, design, design.model_ready())
        if not design.framed:
            figures.add("model_start", ready - started)
        page.wait_for_load_state("networkidle")
        figures.add("bytes_cold", sum(r.size for r in received))
        figures.add("bytes_gzip", sum(r.gzip_size for r in received))
        figures.add("requests", len(received))


def link_run(design: Design, browser: Any, url: str, figures: Figures) -> None:
    """A shared link with settings of its own, then away to another page and back."""
    with _cold_page(browser) as page:
        page.goto(url + PAGE + LINK)
        figures.add("link_shown", _in_page_time(page, design, f"{design.timings}.linkShown"))
        page.get_by_role("link", name="Home", exact=True).first.click()
        page.wait_for_url(url)
        page.wait_for_timeout(500)  # a moment on the home page
        figures.add("returning", returning(design, page))


def control_run(design: Design, browser: Any, url: str, figures: Figures) -> None:
    """50 changes of a setting once the model runs."""
    with _cold_page(browser) as page:
        page.goto(url + PAGE)
        design.use_model(page)
        _in_page_time(page, design, design.model_ready())
        target = design.target(page)
        target.evaluate("document.getElementById('n-edge_of_care_families')"
                        ".closest('details').open = true")
        target.evaluate(CONTROL_LOOP, ["edge_of_care_families", 3])  # warm up the code paths
        times = target.evaluate(CONTROL_LOOP, ["edge_of_care_families", CHANGES])
        figures.samples["control_median"] = [statistics.median(times)]
        figures.samples["control_p95"] = [statistics.quantiles(times, n=20)[18]]


def measure(designs: list[tuple[Design, Path]], browser: Any) -> dict[str, Figures]:
    """Every figure for every design, the designs taking turns run by run, so that a machine
    busy with other work weighs on each alike."""
    results = {design.name: Figures() for design, _ in designs}
    with ExitStack() as stack:
        urls = {design.name: stack.enter_context(serve_directory(site)) for design, site in designs}
        for _ in range(RUNS):
            for design, site in designs:
                cold_run(design, browser, urls[design.name], site, results[design.name])
            for design, _ in designs:
                link_run(design, browser, urls[design.name], results[design.name])
        for design, _ in designs:
            control_run(design, browser, urls[design.name], results[design.name])
    return results


# This design puts the kept scenario back on the page, then the browser draws a frame (BokehJS
# repaints the charts in it): the figures are on screen when that frame is done, which a task
# queued from the frame's animation callback marks (the time on the page is when they went in).
ON_SCREEN_AFTER_RETURN = """() => {
  window.__returnedOnScreen = undefined;
  document.addEventListener("explorer:render", () => requestAnimationFrame(() => setTimeout(() => {
    window.__returnedOnScreen ??= performance.now();
  }, 0)), { once: true });
}"""


def returning(design: Design, page: Any) -> float:
    """history.back() to the explorer -> the link's computed figures on screen (page time)."""
    if not design.framed:
        page.evaluate(ON_SCREEN_AFTER_RETURN)
    started: float = page.evaluate("() => { const t = performance.now(); history.back(); return t; }")
    if design.framed:
        shown = _in_page_time(page, design, "explorer.timings.linkShown")
    else:
        page.wait_for_function("""() => { const r = document.querySelector('#explorer');
            return r && ['current', 'banding'].includes(r.dataset.phase) &&
                   window.__returnedOnScreen !== undefined; }""",
                               timeout=TIMEOUT_MS)
        shown = page.evaluate("window.__returnedOnScreen")
    return shown - started


# ------------------------------------------------------------------------------ the report
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
    head = f"{'':42}{'target':>10}" + "".join(f"{n:>20}" for n in names)
    lines = [head + ("   ratio" if len(names) == 2 else "")]
    for key, (label, target, unit) in TARGETS.items():
        cells = []
        for name in names:
            value = results[name].value(key)
            mark = "" if target is None or value is None else (" ok" if value <= target else " MISS")
            cells.append(f"{_show(value, unit) + mark:>20}")
        limit = f"<= {_show(target, unit)}" if target is not None else ""
        ratio = ""
        if len(names) == 2:
            now, before = (results[n].value(key) for n in names)
            ratio = f"{now / before:>8.2f}" if now is not None and before else ""
        lines.append(f"{label:42}{limit:>10}" + "".join(cells) + ratio)
    lines.append("runs, fastest to slowest (a median near its target can fall either side of it):")
    for key, (label, target, unit) in TARGETS.items():
        if target is None or unit != "ms":
            continue
        for name in names:
            samples = sorted(results[name].samples.get(key, []))
            if len(samples) > 1:
                shown = ", ".join(_show(v, unit) for v in samples)
                lines.append(f"  {label} ({name}): {shown}")
    return "\n".join(lines)


def main() -> int:
    from playwright.sync_api import sync_playwright

    from tests.support.browser import CHROMIUM, CHROMIUM_FLAGS, chromium_missing_message

    missing = chromium_missing_message()
    if missing:
        print(missing)
        return 1
    site = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
    if not (site / PAGE / "index.html").exists():
        print(f"no built site at {site}: run `make site` first (make bench does)")
        return 1
    previous = os.environ.get("BENCH_PREVIOUS")
    designs = [(CURRENT, site)]
    if previous:
        older = Path(previous).resolve()
        framed = "explorer-frame" in (older / PAGE / "index.html").read_text(encoding="utf-8")
        designs.append((PREVIOUS if framed else EARLIER, older))
    quiet = machine.before_run()
    started = time.perf_counter()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            results = measure(designs, browser)
        finally:
            browser.close()
    print(f"Scenario explorer on the site's page, headless Chromium, 127.0.0.1, cold cache, "
          f"medians of {RUNS} runs, control over {CHANGES} changes")
    print(f"Machine: {quiet}; {machine.after_run()}")
    print(report(results))
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
