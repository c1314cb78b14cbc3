"""The built site loads nothing from outside its own origin: no CDN scripts, styles or fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.external_urls import css_loads, external_loads, html_loads, js_loads


def test_built_site_loads_nothing_from_another_origin(site_dir: Path) -> None:
    found = [f"{path}: {url}" for path, url in external_loads(site_dir)]
    assert found == [], "files in site/ would load from another origin:\n" + "\n".join(found)


def test_the_site_sets_no_web_font_or_cdn_in_its_config() -> None:
    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text()
    assert "font: false" in config


@pytest.mark.parametrize(
    ("scanner", "source", "expected"),
    [
        (html_loads, '<script src="https://cdn.jsdelivr.net/x.js"></script>', "https://cdn.jsdelivr.net/x.js"),
        (html_loads, '<link rel="stylesheet" href="//fonts.googleapis.com/css">',
         "//fonts.googleapis.com/css"),
        (html_loads, '<link rel="preload" href="https://cdn.bokeh.org/a.js" as="script">', "https://cdn.bokeh.org/a.js"),
        (html_loads, '<img srcset="a.png 1x, https://x.org/b.png 2x">', "https://x.org/b.png"),
        (html_loads, "<script>importScripts('https://cdn.jsdelivr.net/pyodide.js')</script>",
         "https://cdn.jsdelivr.net/pyodide.js"),
        (html_loads, "<style>@import 'https://fonts.googleapis.com/css2';</style>", "https://fonts.googleapis.com/css2"),
        (js_loads, 'import {x} from "https://unpkg.com/y.mjs";', "https://unpkg.com/y.mjs"),
        (js_loads, 'await import("https://unpkg.com/y.mjs")', "https://unpkg.com/y.mjs"),
        (js_loads, "fetch(`https://cdn.holoviz.org/panel/a.json`)", "https://cdn.holoviz.org/panel/a.json"),
        (js_loads, 'loadPyodide({indexURL: "https://cdn.jsdelivr.net/pyodide/"})', "https://cdn.jsdelivr.net/pyodide/"),
        (js_loads, 'new Worker("https://x.org/w.js")', "https://x.org/w.js"),
        (css_loads, "src: url(https://fonts.gstatic.com/s/roboto.woff2)", "https://fonts.gstatic.com/s/roboto.woff2"),
    ],
)
def test_the_scanner_catches_each_kind_of_load(scanner, source: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in scanner(source)


def test_the_scanner_ignores_links_that_are_not_loads() -> None:
    page = '<a href="https://www.gov.uk/">GOV.UK</a><link rel="canonical" href="https://x.org/">'
    assert html_loads(page) == []


def test_the_javascript_we_serve_from_other_projects_names_no_cdn(site_dir: Path) -> None:
    """Pyodide's loader and BokehJS carry CDN fallbacks (Pyodide's package address, MathJax);
    the copies the site serves name none. (The theme's own bundle is the builder's: see README.)"""
    from sitegen.vendored import CDN

    served = [site_dir / "assets" / "javascripts" / "bokeh.min.js",
              *site_dir.glob("explorer/pyodide-*/pyodide*.*js")]
    assert len(served) >= 3
    named = [f"{p.relative_to(site_dir)}: {m.group(0)}" for p in served
             for m in CDN.finditer(p.read_text(encoding="utf-8"))]
    assert named == []
