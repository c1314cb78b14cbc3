"""Run axe-core (from node_modules) in a page and return the violations that matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_22_AA = [*WCAG_21_AA, "wcag22a", "wcag22aa"]


def serious_violations(page: Page, tags: list[str] = WCAG_21_AA) -> list[dict[str, Any]]:
    """WCAG A/AA violations (2.1 unless ``tags`` says) rated serious or critical, with where."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` (make test does it)")
    page.add_script_tag(path=str(AXE))
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
