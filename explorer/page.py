"""Render the standalone explorer page: the form, the tables and the charts, in one HTML file.

The page is complete without JavaScript: the default scenario's tables and a table of all four
published scenarios are written in at build time, computed by the same presenter the browser uses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import jinja2

from explorer.charts import SavedCharts, save_charts
from explorer.paths import STATIC, TEMPLATES
from explorer.py.explorer_presenter import Cell, Table, count, money_m
from explorer.variants import Variant

TITLE = "Scenario explorer: looked-after children in Thurrock"

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '</script' or '<!--' can appear."""
    text = json.dumps(data, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _row_at(view: Mapping[str, Any], year: int) -> int | None:
    years = view["chart"]["year"]
    return years.index(year) if year in years else None


def presets_table(registry: Mapping[str, Any], results: Mapping[str, Any]) -> Table:
    """All four published scenarios side by side (the page's content when JavaScript is off),
    with the report's own 3/5/10-year figures under each scenario that has them."""
    rows: list[list[Cell]] = []
    for preset in registry["presets"]:
        view = results[preset["id"]]
        chart = view["chart"]
        i27 = _row_at(view, 2027)
        change = view["tables"]["change"]["rows"]
        doing_nothing = change[1] if len(change) > 1 else change[0]
        rows.append([
            {"t": preset["label"], "v": None},
            {"t": count(chart["lac"][i27]) if i27 is not None else "—",
             "v": chart["lac"][i27] if i27 is not None else None},
            {"t": money_m(chart["cost_m"][i27] * 1e6) if i27 is not None else "—",
             "v": chart["cost_m"][i27] if i27 is not None else None},
            *[{"t": c["t"], "v": c["v"]} for c in doing_nothing[1:]],
        ])
        published = next((r for r in change if "published" in r[0]["t"]), None)
        if published is not None:
            rows.append([{"t": "… as published in the report", "v": None},
                         {"t": "", "v": None}, {"t": "", "v": None},
                         *[{"t": c["t"], "v": c["v"]} for c in published[1:]]])
    return {
        "id": "presets",
        "title": "The report's four scenarios",
        "caption": "Each published scenario as the model computes it, with every setting at "
                   "the report's value (computed when this site was built), and the report's "
                   "own figures for the change in cost",
        "columns": [{"label": "Scenario"},
                    {"label": "Looked-after children, 2027", "num": True},
                    {"label": "Cost of care, 2027", "num": True},
                    {"label": "Change in cost after 3 years", "num": True},
                    {"label": "after 5 years", "num": True},
                    {"label": "after 10 years", "num": True}],
        "rows": rows,
        "notes": [],
    }


def static_text(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def render(variant: Variant, registry: Mapping[str, Any], results: Mapping[str, Any],
           version: str) -> SavedCharts:
    """The page's HTML (and the Panel files it refers to)."""
    default = registry["default_preset"]
    first = results[default]
    chart = first["chart"] if variant.precomputed else {k: [] for k in first["chart"]}
    data = {
        # "groups" only lays out the form here; the page's script reads the flat lists.
        "registry": {k: v for k, v in registry.items() if k != "groups"},
        "results": dict(results) if variant.precomputed else {},
        "variant": variant.flags(),
    }
    context = {
        "title": TITLE,
        "version": version,
        "registry": registry,
        "view": first,
        "presets_table": presets_table(registry, results),
        # the same table, first on the page when JavaScript is off (ids must differ)
        "presets_table_static": {**presets_table(registry, results), "id": "presets-static"},
        "data_json": script_json(data),
        "boot_js": static_text("boot.js"),
    }
    template = _env.get_template("app.html")
    return save_charts(chart, template, context, TITLE, lean=variant.lean_panel)
