"""The explorer's page in the site: Markdown with the explorer's HTML inside.

The page is complete without JavaScript: the default scenario's figures and a table of all four
published scenarios are written in at build time, computed by the same presenter the browser uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import jinja2

from explorer import search_gate
from explorer.paths import TEMPLATES
from explorer.py.explorer_presenter import LAYOUT, Table, cell_text, count, money_m, years_rows
from explorer.registry import inputs_rows

TITLE = "Scenario explorer"
DESCRIPTION = ("Try the forecasting model of the Annual Public Health Report 2017 with your own "
               "settings, compare two scenarios, and share one as a link.")

_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)
_env.filters["cell_text"] = cell_text


def _at(view: Mapping[str, Any], year: int) -> int | None:
    years = view["series"]["year"]
    return years.index(year) if year in years else None


def presets_table(registry: Mapping[str, Any], results: Mapping[str, Any]) -> Table:
    """All four published scenarios side by side (the page's content when JavaScript is off),
    with the report's own 3/5/10-year figures under each scenario that has them."""
    rows: list[list[dict[str, Any]]] = []
    for preset in registry["presets"]:
        view = results[preset["id"]]
        series = view["series"]
        i = _at(view, 2027)
        change = view["tables"]["change"]["rows"]
        doing_nothing = change[1] if len(change) > 1 else change[0]
        rows.append([
            {"t": preset["label"]},
            {"t": count(series["lac"][i]) if i is not None else "—"},
            {"t": money_m(series["total_cost"][i]) if i is not None else "—"},
            *doing_nothing[1:],
        ])
        published = next((r for r in change if "published" in r[0]["t"]), None)
        if published is not None:
            rows.append([{"t": "… as published in the report"}, {"t": ""}, {"t": ""},
                         *published[1:]])
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


def explorer_html(registry: Mapping[str, Any], results: Mapping[str, Any], *, version: str,
                  code: str, preload_scripts: Sequence[str], preload_modules: Sequence[str]) -> str:
    """The explorer's HTML, holding the default scenario's figures."""
    scenario = registry["default_preset"]
    view = results[scenario]
    label = next(p["label"] for p in registry["presets"] if p["id"] == scenario)
    context = {
        "version": version, "code": code, "search_channel": search_gate.CHANNEL,
        "preload_scripts": preload_scripts, "preload_modules": preload_modules,
        "registry": registry, "scenario": scenario, "view": view, "layout": LAYOUT,
        "default_label": label, "headline": view["headline"],
        "years_rows": years_rows(view["series"]),
        "inputs_rows": inputs_rows(registry, scenario, view["settings"]),
        "presets_table": presets_table(registry, results),
        # the same table, first on the page when JavaScript is off (ids must differ)
        "presets_table_static": {**presets_table(registry, results), "id": "presets-static"},
    }
    return _env.get_template("explorer.html").render(context)


def page_markdown(explorer: str, head_script: str, search_worker: str, gate_worker: str) -> str:
    """The site's page: its heading and introduction in Markdown, the explorer, then notes.
    ``head_script`` (site-relative): the explorer's boot.js, which the site's theme
    (sitegen/theme/main.html) also names in the page's <head>, so a link that needs the model
    starts it before the rest of the page has arrived. ``search_worker`` and ``gate_worker``
    (site-relative): the theme's search worker, and the one the theme names instead on this page
    (explorer/search_gate.py)."""
    return f"""---
title: {TITLE}
description: {DESCRIPTION}
explorer_head_script: {head_script}
explorer_search_worker: {search_worker}
explorer_search_gate: {gate_worker}
hide:
  - navigation
  - toc
---

# {TITLE}

What would it mean for the number of looked-after children, and their cost, if the council funded
the edge-of-care service for 200 families, or placements cost 5% less? Start from one of the
report's four scenarios, change any setting and see the result against doing nothing. Every
change updates this page's address, so copying it shares exactly what you see.

{explorer.strip()}

## About these figures

The model rebuilds the forecasting method of the Annual Public Health Report 2017,
*A Sustainable Children's Social Care System for the Future*. It runs in your browser: nothing
you enter is sent anywhere. Money is at 2017 prices unless you set inflation. Each setting's
source is under “Source” beside it. How the model works, and how closely it reproduces the
report's own figures, is explained under “The model”.
"""
