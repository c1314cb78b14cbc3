"""What the explorer adds to the site: its page, its modules and data, the model's wheel and lock
file, and Pyodide from node_modules."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import bokeh
import pytest

from explorer.build import ExplorerSite, explorer_site
from explorer.charts import build_charts
from explorer.paths import PYODIDE
from explorer.py.explorer_presenter import view
from explorer.registry import page_registry
from model import api
from sitegen.charts import BOKEH_JS_URI
from tests.support.external_urls import css_loads, html_loads, js_loads


@pytest.fixture(scope="module")
def site() -> ExplorerSite:
    return explorer_site(BOKEH_JS_URI)


def one(site: ExplorerSite, pattern: str) -> str:
    [name] = [n for n in site.assets if re.fullmatch(pattern, n)]
    return name


def text(site: ExplorerSite, name: str) -> str:
    content = site.assets[name]
    if isinstance(content, Path):
        return content.read_text(encoding="utf-8")
    return content.decode() if isinstance(content, bytes) else content


def page(site: ExplorerSite) -> str:
    return site.pages["explorer/index.md"]


def test_the_page_and_its_files_load_nothing_from_another_origin(site: ExplorerSite) -> None:
    scanners = {".html": html_loads, ".mjs": js_loads, ".js": js_loads, ".css": css_loads}
    found = [f"explorer/index.md: {url}" for url in html_loads(page(site))]
    for name in site.assets:
        scan = scanners.get(Path(name).suffix)
        if scan is not None:
            found += [f"{name}: {url}" for url in scan(text(site, name))]
    assert found == []
    assert "cdn.holoviz.org" not in page(site) and "cdn.bokeh.org" not in page(site)


def test_the_page_has_no_inline_script(site: ExplorerSite) -> None:
    """The site's Content-Security-Policy allows no inline script, and instant navigation runs a
    page's scripts again on every visit: the page's one script is a file that may run again."""
    boot = one(site, r"explorer/code-\w+/boot\.js")
    local = boot.removeprefix("explorer/")
    assert re.findall(r"<script[^>]*>", page(site)) == [
        f'<script src="{local}" data-stage="early" async fetchpriority="high">',
        f'<script src="{local}" data-stage="mount" async>',
    ]
    assert "</script>" in page(site) and re.search(r"<script[^>]*>[^<]", page(site)) is None
    assert 'data-module="code-' in page(site) and 'data-explorer' in page(site)
    assert "hide:\n  - navigation\n  - toc" in page(site)
    # the theme (sitegen/theme/main.html) names the same file in the page's <head>
    assert f"\nexplorer_head_script: {boot}\n" in page(site)


def test_bokeh_comes_once_from_the_sites_own_file(site: ExplorerSite) -> None:
    """The indicator pages load assets/javascripts/bokeh.min.js: the explorer uses the same file
    (preloaded by the page), and ships no BokehJS, Panel JavaScript or WebGL bundle of its own."""
    html = page(site)
    assert f'<link rel="preload" href="../{BOKEH_JS_URI}?v={bokeh.__version__}" as="script">' in html
    for name in site.assets:
        assert not re.search(r"(bokeh|panel)[\w.-]*\.js$", name), name
    assert f'data-bokeh="../{BOKEH_JS_URI}?v={bokeh.__version__}"' in html


def test_pyodide_comes_from_the_pinned_npm_package(site: ExplorerSite) -> None:
    version = json.loads((PYODIDE / "package.json").read_text())["version"]
    package = json.loads((PYODIDE.parent.parent / "package.json").read_text())
    assert package["dependencies"]["pyodide"] == version
    for name in ("pyodide.asm.js", "pyodide.asm.wasm"):
        assert site.assets[f"explorer/pyodide-{version}/{name}"] == PYODIDE / name
    # the loader as the package has it, its CDN fallback pointed at a folder of the site's own
    loader = (PYODIDE / "pyodide.mjs").read_text(encoding="utf-8")
    assert "https://cdn.jsdelivr.net/" in loader
    assert site.assets[f"explorer/pyodide-{version}/pyodide.mjs"] == loader.replace(
        "https://cdn.jsdelivr.net/", "./no-cdn/")
    worker = text(site, one(site, r"explorer/code-\w+/worker\.mjs"))
    assert f'import {{ loadPyodide }} from "../pyodide-{version}/pyodide.mjs";' in worker
    assert "/*@CONFIG@*/" not in worker and "/*@PYODIDE@*/" not in worker


def test_the_model_is_a_wheel_named_with_its_sha256_in_a_lock_file_of_its_own(
        site: ExplorerSite) -> None:
    lock = json.loads(text(site, one(site, r"explorer/model-\w+/pyodide-lock\.json")))
    assert lock["info"] == json.loads((PYODIDE / "pyodide-lock.json").read_text())["info"]
    [package] = lock["packages"].values()  # nothing else Pyodide could fetch from a CDN
    wheel = site.assets[one(site, r"explorer/model-\w+/thurrock_model-.*\.whl")]
    assert isinstance(wheel, bytes)
    assert package["sha256"] == hashlib.sha256(wheel).hexdigest()
    assert package["imports"] == ["explorer_fallback", "explorer_presenter", "model"]
    names = zipfile.ZipFile(__import__("io").BytesIO(wheel)).namelist()
    assert {"model/api.py", "model/assumptions.toml", "explorer_presenter.py",
            "model/assumptions.toml.parsed.json", "model/published.toml.parsed.json"} <= set(names)
    assert not any("tests/" in n for n in names)
    # bytecode compiled by Pyodide's own Python beside each module the page imports, so the
    # browser does not compile them; the modules it never imports are source only
    tag = "cpython-" + "".join(lock["info"]["python"].split(".")[:2])
    compiled = {n for n in names if "__pycache__" in n}
    assert {f"model/__pycache__/api.{tag}.pyc", f"__pycache__/explorer_presenter.{tag}.pyc",
            f"model/__pycache__/frame.{tag}.pyc"} <= compiled
    assert f"model/__pycache__/cli.{tag}.pyc" not in compiled
    for name in compiled:
        source = name.replace("__pycache__/", "").replace(f".{tag}.pyc", ".py")
        assert source in names, name
    for name in names:
        if name.endswith(".py"):
            source = zipfile.ZipFile(__import__("io").BytesIO(wheel)).read(name).decode()
            for forbidden in ("numpy", "pandas", "bokeh", "panel"):
                assert not re.search(rf"^\s*(import|from) {forbidden}\b", source, re.M), name


def test_the_wheel_is_the_same_from_the_same_sources() -> None:
    from explorer.wheel import build_wheel

    assert build_wheel().data == build_wheel().data


def test_the_shipped_standard_library_is_small_and_precompiled(
        site: ExplorerSite) -> None:
    trimmed = site.assets[one(site, r"explorer/pyodide-[\d.]+/python_stdlib-\w+\.zip")]
    assert isinstance(trimmed, Path)
    archive = zipfile.ZipFile(trimmed)
    names = archive.namelist()
    assert names and all(n.endswith(".pyc") for n in names)
    assert trimmed.stat().st_size < (PYODIDE / "python_stdlib.zip").stat().st_size / 3
    assert {"json/__init__.pyc", "random.pyc",
            "importlib/metadata/__init__.pyc"} <= set(names)  # the wheel's installer needs it
    assert "tomllib/__init__.pyc" not in names  # the wheel's TOML files come parsed
    full = site.assets[one(site, r"explorer/pyodide-[\d.]+/python_stdlib_full\.zip")]
    assert full == PYODIDE / "python_stdlib.zip"  # the worker's fallback, fetched only if needed


def test_every_model_parameter_has_a_slider_and_a_number_box(site: ExplorerSite) -> None:
    html = page(site)
    for p in api.describe()["parameters"]:
        assert f'id="r-{p["name"]}"' in html and f'id="n-{p["name"]}"' in html
        assert f'min="{p["min"]}" max="{p["max"]}" step="{p["step"]}"' in html


def test_every_choice_is_a_radio_group(site: ExplorerSite) -> None:
    html = page(site)
    for c in api.describe()["choices"]:
        assert f'<fieldset class="ex-control ex-choice" id="c-{c["name"]}"' in html
        for option in c["options"]:
            assert f'id="o-{c["name"]}-{option["value"]}" value="{option["value"]}"' in html


def test_the_page_without_javascript_shows_the_published_scenarios_and_says_so(
        site: ExplorerSite) -> None:
    html = page(site)
    assert 'id="t-presets-static"' in html
    assert "JavaScript is off, so the explorer cannot calculate" in html
    # the default scenario's figures are labelled as its own, not as a link's
    assert "These are the figures of the report's “Baseline (ONS population)” scenario" in html


def test_years_are_never_written_with_a_thousands_separator(site: ExplorerSite) -> None:
    html = page(site)
    assert "2,037" not in html and "2,027" not in html and "2,018" not in html
    assert "Scenario's value: <span class=\"ex-default\">2037</span> (range 2027 to 2037)" in html


def test_the_charts_are_the_same_document_whatever_was_built_before() -> None:
    """Bokeh numbers its models as it makes them; the page's data must not depend on what else
    the build drew first (a rebuild would change a file every browser had cached)."""
    series = view(api.compute({"scenario": "baseline-ons"}))["series"]
    first = build_charts(series).doc
    build_charts(series)  # more models made in between
    assert build_charts(series).doc == first


def test_old_links_to_the_standalone_explorer_are_sent_on(site: ExplorerSite) -> None:
    moved = text(site, "explorer/app/index.html")
    assert '<script src="moved.js"></script>' in moved and 'href="../"' in moved
    moved_js = text(site, "explorer/app/moved.js")
    assert 'var target = "../" + location.hash;' in moved_js and "location.replace(target)" in moved_js
    assert "noindex" in moved


def test_the_explorer_styles_carry_the_palette_for_both_schemes(site: ExplorerSite) -> None:
    from explorer.palette import SERIES

    css = text(site, "assets/explorer.css")
    for name, colours in SERIES.items():
        assert f"--ex-{name}: {colours['light']};" in css
        assert f"--ex-{name}: {colours['dark']};" in css
    assert '[data-md-color-scheme="slate"] .explorer' in css


def test_settings_read_only_under_some_choices_say_so() -> None:
    registry = page_registry()
    when = {p["name"]: p["applies_when"] for p in registry["parameters"]}
    assert when["target_rate"] == when["years_to_target"] == {"rate_path": ["to-target"]}
    assert when["cost_per_week"] is None
    target = next(p for p in registry["parameters"] if p["name"] == "target_rate")
    assert target["aliases"] == ["national_non_uasc_rate"]
    assert "Moves to a target rate" in target["applies_text"]
    assert [c["name"] for c in registry["choices"]] == ["population_projection", "rate_path",
                                                        "non_placement_costs", "start_from"]
    demand = next(g for g in registry["groups"] if g["name"] == "Demand")
    assert [c["name"] for c in demand["choices"]] == ["population_projection", "rate_path"]
    # a later count is read only when the forecast starts from one
    assert when["observed_lac"] == when["observed_year"] == {"start_from": ["observed"]}
    forecast = next(g for g in registry["groups"] if g["name"] == "Forecast")
    assert [c["name"] for c in forecast["choices"]] == ["start_from"]


def test_the_page_reads_the_models_own_rules() -> None:
    from model import links
    from model.validation import NUMBER_PATTERN, WHITESPACE

    rules = page_registry()["rules"]
    assert rules["number"] == NUMBER_PATTERN and rules["whitespace"] == WHITESPACE
    assert rules["link"]["max_length"] == links.MAX_LENGTH
    assert rules["link"]["pinned_prefix"] == links.PINNED_PREFIX
