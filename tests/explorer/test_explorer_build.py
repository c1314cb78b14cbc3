"""What the explorer adds to the site: a self-contained page, Pyodide from node_modules, the model."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from explorer.build import explorer_files
from explorer.paths import APP, PYODIDE
from explorer.registry import page_registry
from explorer.variants import OPTIMISED, STRAIGHTFORWARD
from model import api
from tests.support.external_urls import css_loads, html_loads, js_loads

Files = dict[str, str | bytes | Path]


@pytest.fixture(scope="module")
def files() -> Files:
    return explorer_files(OPTIMISED)


def text(files: Files, name: str) -> str:
    content = files[f"{APP}/{name}"]
    assert isinstance(content, str)
    return content


def test_the_page_and_its_scripts_load_nothing_from_another_origin(files: Files) -> None:
    scanners = {".html": html_loads, ".mjs": js_loads, ".js": js_loads, ".css": css_loads}
    found = []
    for name, content in files.items():
        scan = scanners.get(Path(name).suffix)
        if scan is None:
            continue
        body = content.read_text(encoding="utf-8", errors="replace") if isinstance(
            content, Path) else content if isinstance(content, str) else content.decode()
        found += [f"{name}: {url}" for url in scan(body)]
    assert found == []
    page = text(files, "index.html")
    assert "cdn.holoviz.org" not in page and "cdn.bokeh.org" not in page
    assert "panel/1.9.4/dist/" in page  # Panel's URLs point at our own copy (PANEL_CDN_ROOT)


def test_pyodide_comes_from_the_pinned_npm_package(files: Files) -> None:
    version = json.loads((PYODIDE / "package.json").read_text())["version"]
    package = json.loads((PYODIDE.parent.parent / "package.json").read_text())
    assert package["dependencies"]["pyodide"] == version
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        assert files[f"{APP}/pyodide/{name}"] == PYODIDE / name
    worker = text(files, "worker.mjs")
    assert "/*@CONFIG@*/" not in worker and '"packages"' not in worker
    assert '"lockFile":null' in worker  # no lock file fetched: nothing Pyodide could get elsewhere


def test_the_shipped_standard_library_is_small_precompiled_and_complete(files: Files) -> None:
    trimmed = files[f"{APP}/pyodide/python_stdlib.zip"]
    assert isinstance(trimmed, Path)
    names = zipfile.ZipFile(trimmed).namelist()
    assert names and all(n.endswith(".pyc") for n in names)
    assert trimmed.stat().st_size < (PYODIDE / "python_stdlib.zip").stat().st_size / 2
    assert {"json/__init__.pyc", "tomllib/__init__.pyc", "random.pyc"} <= set(names)
    # the full library is shipped for the worker's fallback, not fetched unless needed
    assert files[f"{APP}/pyodide/python_stdlib_full.zip"] == PYODIDE / "python_stdlib.zip"


def test_the_model_goes_to_the_browser_whole_and_nothing_else(files: Files) -> None:
    bundle = json.loads(text(files, "model.json"))
    assert bundle["entry"] == "explorer_presenter"
    assert "model/api.py" in bundle["files"] and "model/assumptions.toml" in bundle["files"]
    for source in bundle["files"].values():
        for forbidden in ("numpy", "pandas", "bokeh", "panel"):
            assert f"import {forbidden}" not in source and f"from {forbidden}" not in source


def test_every_model_parameter_has_a_slider_and_a_number_box(files: Files) -> None:
    page = text(files, "index.html")
    for p in api.describe()["parameters"]:
        assert f'id="r-{p["name"]}"' in page and f'id="n-{p["name"]}"' in page
        assert f'min="{p["min"]}" max="{p["max"]}" step="{p["step"]}"' in page


def test_every_choice_is_a_radio_group_and_nothing_is_fixed_by_a_preset(files: Files) -> None:
    page = text(files, "index.html")
    for c in api.describe()["choices"]:
        assert f'<fieldset class="control choice" id="c-{c["name"]}"' in page
        for option in c["options"]:
            assert f'id="o-{c["name"]}-{option["value"]}" value="{option["value"]}"' in page
            assert f'<span>{option["label"]}</span>' in page
    assert 'name="ch-rate_path" id="o-rate_path-constant" value="constant" ' \
           'data-choice="rate_path" checked' in page  # the default scenario's choice
    assert "Fixed by this scenario" not in page and "preset-facts" not in page


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


def test_nothing_from_the_model_is_written_into_the_page_as_markup(files: Files) -> None:
    page = text(files, "index.html")
    data = page.split('id="explorer-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data  # JSON in the page escapes "<", so no text can close the script
    registry = json.loads(data)["registry"]
    assert "groups" not in registry  # the form's layout, a second copy of every setting
    assert registry["choices"] and registry["parameters"]


def test_the_straightforward_variant_differs_only_in_its_optimisations() -> None:
    files = explorer_files(STRAIGHTFORWARD)
    assert files[f"{APP}/pyodide/python_stdlib.zip"] == PYODIDE / "python_stdlib.zip"
    assert f"{APP}/pyodide/pyodide-lock.json" in files
    page = files[f"{APP}/index.html"]
    assert isinstance(page, str) and '"precomputed":false' in page
