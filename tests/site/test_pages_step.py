"""`make pages` writes the builder's docs tree: hand-written docs as written, generated pages, the
navigation and the abbreviations; it rewrites only what changed and removes what is gone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from sitegen.generated import (
    GeneratedTree,
    GenerationError,
    abbreviations_markdown,
    docs_dir_files,
    hand_written_files,
    write_tree,
)

MARKER = "<!-- generated: briefings -->"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "assets").mkdir(parents=True)
    (root / "index.md").write_text(f"# Home\n\n{MARKER}\n")
    (root / "assets" / "site.css").write_text("body {}")
    return root


def _write(docs: Path, pages: dict[str, str | bytes | Path], fills: dict[str, str] | None = None,
           nav: list[object] | None = None, abbreviations: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    files = docs_dir_files(hand_written_files(docs), {"index.md": {MARKER: fills or ""}} if fills is not None
                           else {}, pages)
    return write_tree(GeneratedTree.for_docs(docs), files, nav or [{"Home": "index.md"}],
                      abbreviations or {"LAC": "Looked-after children"})


def test_the_tree_holds_the_docs_the_generated_pages_the_nav_and_the_abbreviations(docs: Path) -> None:
    changes = _write(docs, {"reports/a.md": "# A\n", "indicators/a.csv": "x,y\n"}, fills="Briefing")
    tree = GeneratedTree.for_docs(docs)
    assert sorted(changes.written) == ["assets/site.css", "index.md", "indicators/a.csv", "reports/a.md"]
    assert (tree.pages / "index.md").read_text() == "# Home\n\nBriefing\n"
    assert (tree.pages / "reports" / "a.md").read_text() == "# A\n"
    assert yaml.safe_load(tree.nav.read_text()) == {"nav": [{"Home": "index.md"}]}
    assert tree.abbreviations.read_text() == "*[LAC]: Looked-after children\n"
    assert hand_written_files(docs).keys() == {"index.md", "assets/site.css"}, "the tree is not docs"


def test_a_second_run_rewrites_only_what_changed_and_removes_what_is_gone(docs: Path) -> None:
    _write(docs, {"reports/a.md": "# A\n", "reports/b.md": "# B\n"}, fills="")
    tree = GeneratedTree.for_docs(docs)
    before = (tree.pages / "reports" / "a.md").stat().st_mtime_ns
    changes = _write(docs, {"reports/a.md": "# A\n", "reports/c.md": "# C\n"}, fills="")
    assert changes.written == ["reports/c.md"] and changes.removed == ["reports/b.md"]
    assert not changes.config_changed
    assert (tree.pages / "reports" / "a.md").stat().st_mtime_ns == before
    assert _write(docs, {"reports/a.md": "# A\n", "reports/c.md": "# C\n"}, fills="",
                  abbreviations={"CIN": "Child in need"}).config_changed


def test_large_files_are_copied_and_then_left_alone(docs: Path, tmp_path: Path) -> None:
    runtime = tmp_path / "pyodide.asm.wasm"
    runtime.write_bytes(b"\0asm" * 1000)
    assert _write(docs, {"explorer/app/pyodide.asm.wasm": runtime}, fills="").written
    assert "explorer/app/pyodide.asm.wasm" not in _write(docs, {"explorer/app/pyodide.asm.wasm": runtime},
                                                         fills="").written
    os.utime(runtime, ns=(1, 1))
    assert "explorer/app/pyodide.asm.wasm" in _write(docs, {"explorer/app/pyodide.asm.wasm": runtime},
                                                     fills="").written


def test_a_generated_page_may_not_replace_a_hand_written_one(docs: Path) -> None:
    with pytest.raises(GenerationError, match=r"replace hand-written ones in docs/: index.md"):
        _write(docs, {"index.md": "# Generated home\n"})


def test_a_hand_written_page_that_lost_its_marker_is_refused(docs: Path) -> None:
    (docs / "index.md").write_text("# Home\n")
    with pytest.raises(GenerationError, match="lost its marker"):
        _write(docs, {}, fills="Briefing")


def test_each_abbreviation_is_its_own_block() -> None:
    """One 300-line block made every page's Markdown parse take seconds (the parser re-scans it)."""
    text = abbreviations_markdown({"LAC": "Looked-after\n children", "CIN": "Child in need"})
    assert text == "*[LAC]: Looked-after children\n\n*[CIN]: Child in need\n"
