"""The explorer's two charts: drawn with Bokeh, laid out by Panel, saved as a Bokeh document (JSON).

Built once, at build time, in CPython. In the browser nothing of Panel or Bokeh runs in Python:
the page's script loads the site's own copy of BokehJS (the file the indicator pages use), makes
the document from this JSON, and writes each new result into the named ColumnDataSources
("scenario", "pinned") so BokehJS repaints. The sources start out holding the default scenario's
figures, so the charts are drawn as soon as BokehJS has loaded, before the in-browser model runs.

Every model the page recolours for the site's dark scheme has a ``name`` (``ROLES``): the script
sets the listed properties to the palette's colour for that role (explorer/palette.py).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Panel reads PANEL_CDN_ROOT when it is first imported, and writes URLs under it into the models'
# stylesheets. It must point at our own copy, never Panel's own CDN, so it is set here, before
# anything imports panel, and checked after. (The stylesheets are inlined below anyway.)
PANEL_ROOT = "panel/"
os.environ["PANEL_CDN_ROOT"] = PANEL_ROOT

import panel as pn  # noqa: E402
from bokeh.core.json_encoder import serialize_json  # noqa: E402
from bokeh.document import Document  # noqa: E402
from bokeh.models import (  # noqa: E402
    AdaptiveTicker,
    ColumnDataSource,
    DataRange1d,
    HoverTool,
    ImportedStyleSheet,
    InlineStyleSheet,
    NumeralTickFormatter,
)
from bokeh.models.annotations import Title  # noqa: E402
from bokeh.plotting import figure  # noqa: E402
from panel.io.model import add_to_doc  # noqa: E402
from panel.io.resources import CDN_ROOT  # noqa: E402
from pyviz_comms import Comm  # noqa: E402

from explorer.palette import light  # noqa: E402
from model.parameters import base_month_name  # noqa: E402

if CDN_ROOT != PANEL_ROOT:  # panel was imported before this module: its URLs point at a CDN
    raise RuntimeError(
        f"panel was imported before explorer.charts set PANEL_CDN_ROOT (it has {CDN_ROOT!r}); "
        "import explorer.charts first or set PANEL_CDN_ROOT=panel/ in the environment"
    )

PANEL_DIST = Path(pn.__file__).parent / "dist"

# The charts' "scenario" source: column -> (the view's series it is drawn from, scale). The page's
# script fills it from each result the same way (results.mjs chartData).
CHART_COLUMNS: dict[str, tuple[str, float]] = {
    "year": ("year", 1.0),
    "lac": ("lac", 1.0), "base_lac": ("base_lac", 1.0),
    "lac_low": ("lac_low", 1.0), "lac_high": ("lac_high", 1.0),
    "cost_m": ("total_cost", 1e-6), "base_cost_m": ("base_total_cost", 1e-6),
    "cost_low_m": ("total_cost_low", 1e-6), "cost_high_m": ("total_cost_high", 1e-6),
}
PINNED_COLUMNS = ("year", "lac", "cost_m")

# name -> {property path: palette role}: what the page recolours in the dark scheme.
ROLES: dict[str, dict[str, str]] = {
    "ex-scenario-line": {"glyph.line_color": "scenario"},
    "ex-scenario-dots": {"glyph.line_color": "scenario", "glyph.fill_color": "scenario"},
    "ex-baseline": {"glyph.line_color": "baseline"},
    "ex-band": {"glyph.fill_color": "band"},
    "ex-pinned": {"glyph.line_color": "pinned"},
    "ex-title": {"text_color": "text"},
    "ex-axis": {"axis_line_color": "axis", "major_tick_line_color": "axis",
                "minor_tick_line_color": "axis", "major_label_text_color": "text",
                "axis_label_text_color": "text"},
    "ex-grid": {"grid_line_color": "grid"},
}
ROOT_ELEMENTS = ("ex-chart-lac", "ex-chart-cost")  # the page's elements the charts go into


@dataclass(frozen=True)
class Charts:
    doc: dict[str, Any]  # the Bokeh document, as JSON (Document.to_json)
    roots: list[str]  # element ids, in the order of the document's roots
    assets: dict[str, Path]  # site-relative path (under the page's folder) -> Panel file


def chart_source(series: Mapping[str, Sequence[float | None]]) -> dict[str, list[float]]:
    """The scenario source's columns from a view's series (missing figures as NaN)."""
    return {name: [float("nan") if v is None else v * scale for v in series[field]]
            for name, (field, scale) in CHART_COLUMNS.items()}


def _figure(title: str, y_label: str) -> Any:
    plot = figure(
        title=Title(text=title, text_font_size="15px", text_font_style="bold",
                    text_color=light("text"), name="ex-title"),
        height=300, min_width=260, sizing_mode="stretch_width", tools="", toolbar_location=None,
        x_range=DataRange1d(range_padding=0.02),
        y_range=DataRange1d(start=0, range_padding=0.08),  # counts and costs from zero
        background_fill_color=None, border_fill_color=None,  # the page's own background
    )
    plot.yaxis.axis_label = y_label
    plot.xaxis.ticker = AdaptiveTicker(desired_num_ticks=5, min_interval=1)  # whole years
    plot.xaxis.formatter = NumeralTickFormatter(format="0")  # 2037, never 2,037
    plot.axis.major_label_text_font_size = "13px"
    plot.axis.axis_label_text_font_size = "13px"
    plot.axis.axis_label_text_font_style = "normal"
    for axis in plot.axis:
        axis.name = "ex-axis"
        for prop, role in ROLES["ex-axis"].items():
            setattr(axis, prop, light(role))
    for grid in plot.grid:
        grid.name = "ex-grid"
        grid.grid_line_color = light("grid")
    plot.outline_line_color = None
    return plot


def _chart(title: str, y_label: str, columns: tuple[str, str, str, str], scenario: ColumnDataSource,
           pinned: ColumnDataSource, tick_format: str) -> Any:
    """One chart: the scenario, the do-nothing baseline, the uncertainty band and a pinned A."""
    value, baseline, low, high = columns
    plot = _figure(title, y_label)
    plot.yaxis.formatter = NumeralTickFormatter(format=tick_format)
    # The legend is HTML beside the charts, shared by both and readable by screen readers.
    plot.varea(x="year", y1=low, y2=high, source=scenario, fill_color=light("band"),
               fill_alpha=0.3, name="ex-band")
    plot.line(x="year", y=baseline, source=scenario, line_color=light("baseline"), line_width=2,
              line_dash="dashed", name="ex-baseline")
    line = plot.line(x="year", y=value, source=scenario, line_color=light("scenario"),
                     line_width=3, name="ex-scenario-line")
    plot.scatter(x="year", y=value, source=scenario, size=5, color=light("scenario"),
                 name="ex-scenario-dots")
    pin = plot.line(x="year", y=value, source=pinned, line_color=light("pinned"), line_width=2.5,
                    line_dash="dotted", name="ex-pinned", visible=False)
    pin.tags = ["pinned"]
    fmt = "{0,0}" if value == "lac" else "{0,0.00}"
    plot.add_tools(HoverTool(renderers=[line], mode="vline", tooltips=[
        ("Year", "@year"),
        ("This scenario", f"@{value}{fmt}"),
        ("Do nothing", f"@{baseline}{fmt}"),
    ]))
    return plot


def build_charts(first: Mapping[str, Sequence[float | None]]) -> Charts:
    """The two charts, holding the view series ``first``, as one Bokeh document.

    Each chart is a Panel pane (Panel lays it out to the width it is given; its root is a plain
    Bokeh layout, so the browser needs BokehJS and nothing of Panel's JavaScript). Panel's few
    stylesheets are inlined, so BokehJS lays the charts out without waiting for more files.
    """
    data = chart_source(first)
    scenario = ColumnDataSource(data, name="scenario")
    pinned = ColumnDataSource({name: list(data[name]) for name in PINNED_COLUMNS}, name="pinned")
    # Each year's point is its position in the month the report's 2017 figures describe.
    lac = _chart(f"Looked-after children, each {base_month_name()}", "Children",
                 ("lac", "base_lac", "lac_low", "lac_high"), scenario, pinned, "0,0")
    cost = _chart("Cost of looked-after children", "£ million a year",
                  ("cost_m", "base_cost_m", "cost_low_m", "cost_high_m"), scenario, pinned,
                  "0,0.0")
    doc = Document()
    for plot, element in zip((lac, cost), ROOT_ELEMENTS, strict=True):
        root = pn.pane.Bokeh(plot, sizing_mode="stretch_width", min_width=260).get_root(doc, Comm())
        root.name = element  # not Panel's own, which counts the panes made so far
        add_to_doc(root, doc, True)
    if any(getattr(p, "output_backend", "canvas") != "canvas" for p in (lac, cost)):
        raise RuntimeError("a chart uses WebGL, which the page does not load")
    assets = _inline_stylesheets(doc)
    # Bokeh's own encoder writes what JSON cannot hold (NaN: a band not yet computed) its own way.
    return Charts(doc=stable_ids(json.loads(serialize_json(doc.to_json()))),
                  roots=list(ROOT_ELEMENTS), assets=assets)


def stable_ids(doc_json: Any) -> Any:
    """The same ids whatever else Bokeh made first in this process ("p1043" -> "ex1"), so the
    same charts give the same file, and a rebuild changes nothing a browser has cached."""
    mapping: dict[str, str] = {}

    def visit(node: Any) -> Any:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str) and re.fullmatch(r"p\d+", node["id"]):
                node["id"] = mapping.setdefault(node["id"], f"ex{len(mapping) + 1}")
            return {k: visit(v) for k, v in node.items()}
        if isinstance(node, list):
            return [visit(v) for v in node]
        return node

    return visit(doc_json)


def _inline_stylesheets(doc: Document) -> dict[str, Path]:
    """Replace each stylesheet Panel links to under PANEL_ROOT with its text; return the few
    files that text refers to (the loading spinner's images), to be copied beside the page."""
    assets: dict[str, Path] = {}
    for model in doc.models:
        sheets = getattr(model, "stylesheets", None)
        if not sheets:
            continue
        replaced: list[Any] = []
        for sheet in sheets:
            if isinstance(sheet, ImportedStyleSheet) and sheet.url.startswith(PANEL_ROOT):
                relative = sheet.url.split("?")[0]
                path = PANEL_DIST / relative.split("/dist/", 1)[1]
                dist = relative.split("/dist/", 1)[0] + "/dist/"  # url('../x') is relative to dist/
                css = path.read_text(encoding="utf-8").replace("url('../", f"url('{dist}")
                for match in re.finditer(re.escape(dist) + r"""([^'")]+)""", css):
                    source = PANEL_DIST / match.group(1)
                    if not source.is_file():
                        raise FileNotFoundError(f"Panel's CSS refers to {match.group(0)}, not in "
                                                f"{PANEL_DIST}")
                    assets[match.group(0)] = source
                replaced.append(InlineStyleSheet(css=css))
            else:
                replaced.append(sheet)
        model.stylesheets = replaced  # type: ignore[attr-defined]  # a UIElement
    return assets
