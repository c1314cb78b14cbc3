"""Driving the scenario explorer in a browser: open it, wait for its state, read what it shows."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results"
PAGE = "explorer/"
MODEL_START_MS = 60_000  # Pyodide on a busy 2-core CI machine; typically 2 s

STATE = """() => {
  const s = scenarioExplorer.state();
  return { phase: document.querySelector('#explorer').dataset.phase, asked: s.asked,
           askedPinned: s.askedPinned, shown: s.shown && s.shown.settings,
           pinned: s.pinned && s.pinned.settings, model: s.model, problems: s.problems,
           page: s.page, band: Boolean(s.shown && s.shown.view.band) };
}"""


def record_renders(tab: Page) -> None:
    """Keep every render event of the page from the start (explorer:render, main.mjs)."""
    tab.add_init_script("""window.__renders = [];
        document.addEventListener("explorer:render", e => window.__renders.push(e.detail));""")


def mounted(tab: Page) -> None:
    tab.wait_for_function("() => window.scenarioExplorer && scenarioExplorer.state", timeout=30_000)


def wait_phase(tab: Page, *phases: str, timeout: int = MODEL_START_MS) -> dict[str, Any]:
    """Wait until the explorer's state is in one of ``phases``; return the state."""
    mounted(tab)
    tab.wait_for_function(f"""() => {{ const root = document.querySelector('#explorer');
        return root && {json.dumps(list(phases))}.includes(root.dataset.phase); }}""",
                          timeout=timeout)
    return state(tab)


def start_model(tab: Page) -> None:
    """Do what a reader about to change a setting does (the page then starts the model), and
    wait until the model is ready."""
    mounted(tab)
    tab.focus("#n-uasc")
    tab.wait_for_function("() => scenarioExplorer.state().model.status === 'ready'",
                          timeout=MODEL_START_MS)


def state(tab: Page) -> dict[str, Any]:
    result: dict[str, Any] = tab.evaluate(STATE)
    return result


def wait_render(tab: Page, reason: str, band: bool | None = None,
                timeout: int = MODEL_START_MS) -> dict[str, Any]:
    """Wait for the page to paint a result for ``reason`` (and with or without its band)."""
    want = "" if band is None else f" && e.band === {json.dumps(band)}"
    tab.wait_for_function(f"""() => (window.__renders || []).some(
        e => e.reason === {json.dumps(reason)}{want})""", timeout=timeout)
    detail: dict[str, Any] = tab.evaluate(f"""() => window.__renders.filter(
        e => e.reason === {json.dumps(reason)}{want}).at(-1)""")
    return detail


def table(tab: Page, table_id: str) -> list[list[str]]:
    """A table's rows, as text; a folded table is unfolded first, as a reader would (the page
    draws folded tables when they are opened)."""
    folded = tab.evaluate(f"""() => {{ const d = document.getElementById('t-{table_id}')
        .closest('details'); if (d && !d.open) {{ d.open = true; return true; }} return false; }}""")
    if folded:
        tab.wait_for_function(f"() => document.querySelectorAll('#t-{table_id} tbody tr').length")
    rows: list[list[str]] = tab.eval_on_selector_all(
        f"#t-{table_id} tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    return rows


def open_setting(tab: Page, name: str) -> None:
    """Unfold the group of settings that holds ``name``, as a reader would."""
    tab.evaluate(f"document.getElementById('c-{name}').closest('details').open = true")


def cli_run(scenario: str, sets: dict[str, str], uncertainty: bool = True) -> dict[str, Any]:
    """The model's command line, as an officer would run it."""
    args = [sys.executable, "-m", "model", "run", "--scenario", scenario, "--json"]
    if uncertainty:
        args.append("--uncertainty")
    if sets:
        args += ["--set", *[f"{k}={v}" for k, v in sets.items()]]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)


def _scenario_pixel_js() -> str:
    """JavaScript `(d, i) => boolean`: is pixel `i` of canvas data `d` the scenario's line, in
    the light charts' colour (explorer/palette.py), allowing for anti-aliasing?"""
    from explorer.palette import SERIES

    rgb = SERIES["scenario"]["light"].lstrip("#")
    r, g, b = (int(rgb[k:k + 2], 16) for k in (0, 2, 4))
    return (f"(d, i) => Math.abs(d[i] - {r}) < 30 && Math.abs(d[i + 1] - {g}) < 30 && "
            f"Math.abs(d[i + 2] - {b}) < 30 && d[i + 3] > 200")


SCENARIO_PIXEL_JS = _scenario_pixel_js()


def plotted(tab: Page, column: str) -> list[float]:
    values: list[float] = tab.evaluate(f"""() => Bokeh.documents.at(-1)
        .get_model_by_name('scenario').data[{json.dumps(column)}]""")
    return values


INVARIANTS = (Path(__file__).resolve().parent / "invariants.js").read_text(encoding="utf-8")


def watch_invariants(tab: Page) -> None:
    tab.add_init_script(INVARIANTS)


def violations(tab: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = tab.evaluate("() => window.__violations || []")
    return found


def csv_rows(path: str | Path) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))


def slow_network(tab: Page, *, latency_ms: int = 150, mbit: float = 16.0) -> None:
    """A slow connection for this page (Chromium's own throttling, workers included)."""
    session = tab.context.new_cdp_session(tab)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": latency_ms,
        "downloadThroughput": mbit * 1e6 / 8, "uploadThroughput": mbit * 1e6 / 8})
