"""The site's search finds each record and figure where it is explained, once: the tracker's
table (a second copy of every record) and the scenario explorer (figures of the scenario on
screen, stale in an index) stay out of the index every page downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path


def _index(site_dir: Path) -> dict[str, str]:
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages: dict[str, str] = {}
    for doc in docs:
        page = doc["location"].split("#")[0]
        pages[page] = pages.get(page, "") + " " + doc["title"] + " " + doc["text"]
    return pages


def test_a_record_is_found_on_its_own_page_not_twice_through_the_tracker(site_dir: Path) -> None:
    pages = _index(site_dir)
    promise = "nursery places in Tilbury"
    found = sorted(page for page, text in pages.items() if promise in text)
    assert found and "tracker/" not in found
    assert any(page.startswith(("follow-ups/", "meetings/")) for page in found)
    # the tracker itself is still found by what it is for
    assert "tracker/" in pages and "Every record" in pages["tracker/"]


def test_the_explorer_is_found_by_its_introduction_not_its_figures(site_dir: Path) -> None:
    text = _index(site_dir)["explorer/"]
    assert "edge-of-care service for 200 families" in text  # the page's introduction
    assert "About these figures" in text
    assert "Women supported per year" not in text  # a setting's label, inside the explorer
    assert "345 looked-after children" not in text  # a scenario's figures, computed at build
    assert len(text) < 3000


def _search_worker(site_dir: Path, page: str) -> Path:
    """The search worker a page's configuration names, as a file in the site."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert match, f"{page}: no theme configuration"
    return (site_dir / page / json.loads(match.group(1))["search"]).resolve()


def test_on_the_explorer_page_the_search_is_built_by_the_gate_and_elsewhere_at_once(
        site_dir: Path) -> None:
    """On the explorer's page the search index waits for the explorer's figures
    (explorer/search_gate.py); the gate then runs the theme's own worker, beside it, so search
    works there as everywhere else."""
    theme = _search_worker(site_dir, "")
    assert theme.is_file() and theme.name.startswith("search.")
    for page in ("tracker", "indicators", "glossary"):
        assert _search_worker(site_dir, page) == theme
    gate = _search_worker(site_dir, "explorer")
    assert gate.is_file() and gate.parent == theme.parent and gate != theme
    config = json.loads(re.search(r"var CONFIG = (\{.*?\});", gate.read_text(encoding="utf-8")).group(1))
    assert config["worker"] == theme.name
    assert config["holdMs"] <= 10_000  # search is never held long should the explorer not say
    explorer = (site_dir / "explorer" / "index.html").read_text(encoding="utf-8")
    assert f'data-gate-channel="{config["channel"]}"' in explorer
