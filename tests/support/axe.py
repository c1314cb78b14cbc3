"""Run axe-core (from node_modules) in a page and return the violations that matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA, as UK public-sector sites are held to: the A and AA rules of 2.0, 2.1 and 2.2.
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def load_axe(page: Page) -> None:
    """axe-core in the page, evaluated through the browser's devtools protocol rather than added
    as an inline <script>: the site's Content-Security-Policy rightly refuses inline scripts it
    has no hash for."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does it)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))


def serious_violations(page: Page, tags: list[str] = WCAG_22_AA) -> list[dict[str, Any]]:
    """WCAG A/AA violations (2.2 unless ``tags`` says) rated serious or critical, with where."""
    load_axe(page)
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            }));
        }""",
        tags,
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")]
