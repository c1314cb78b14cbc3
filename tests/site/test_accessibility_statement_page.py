"""The built site has the accessibility statement, linked from every page, with the committed figures."""

from __future__ import annotations

import html
import re
from pathlib import Path

from sitegen.accessibility import load_results


def _text(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def test_every_page_links_to_the_accessibility_statement(site_dir: Path) -> None:
    for page in ("index.html", "meetings/index.html", "glossary/index.html"):
        assert re.search(r'href="(\.\./)*accessibility/"', (site_dir / page).read_text()), page


def test_the_statement_gives_the_figures_the_tests_last_recorded(site_dir: Path) -> None:
    figures = load_results()
    text = " ".join(_text(site_dir / "accessibility" / "index.html").split())
    assert "Accessibility statement" in text
    assert f"each of its {figures.pages} pages" in text
    assert f"axe-core {figures.axe_core} (its {figures.axe_rules} rules" in text
    assert f"{figures.dark_pages} of them" in text
    assert "Direct.Democracy@thurrock.gov.uk" in text
