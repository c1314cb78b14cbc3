"""Indicator charts, drawn with Bokeh at build time and embedded as JSON.

The page carries the chart's JSON; `docs/assets/javascripts/charts.js` loads the site's own copy of
BokehJS only on pages that have a chart, so other pages stay light on a tablet.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from pathlib import Path

import bokeh
from bokeh.embed import json_item
from bokeh.models import ColumnDataSource, HoverTool
from bokeh.plotting import figure

from sitegen.schema import Indicator, IndicatorPoint

BOKEH_JS = Path(bokeh.__file__).parent / "server" / "static" / "js" / "bokeh.min.js"
BOKEH_JS_URI = "assets/javascripts/bokeh.min.js"

# Okabe-Ito colours: distinguishable with the common forms of colour blindness.
AREA_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
DASHES = {"actual": "solid", "projection": "dashed", "target": "dotted"}
KIND_LABELS = {"actual": "", "projection": " (projection)", "target": " (target)"}


def chart_points(points: list[IndicatorPoint]) -> list[IndicatorPoint]:
    """One point per area, kind and date: where documents differ, the later document wins."""
    chosen: dict[tuple[str, str, dt.date], IndicatorPoint] = {}
    for point in sorted(points, key=lambda p: p.doc):
        chosen[(point.area, point.kind, point.period_end)] = point
    return sorted(chosen.values(), key=lambda p: p.period_end)


def series_label(area: str, kind: str) -> str:
    """'Thurrock (Rising CLA scenario)' + projection -> 'Rising CLA scenario (projection)'."""
    inner = re.fullmatch(r"Thurrock \((.+)\)", area)
    return f"{inner.group(1) if inner else area}{KIND_LABELS[kind]}"


def off_scale_areas(points: list[IndicatorPoint]) -> list[str]:
    """Areas whose values dwarf Thurrock's (England's count of children, say): charted together,
    Thurrock's line would be flat along the bottom, so they stay in the table only."""
    thurrock = [p.value for p in points if p.area.startswith("Thurrock")]
    if not thurrock or max(thurrock) <= 0:
        return []
    ceiling = 10 * max(thurrock)
    return sorted({p.area for p in points if p.value > ceiling})


def indicator_chart(indicator: Indicator, points: list[IndicatorPoint],
                    source_names: dict[str, str], formatted: dict[int, str]) -> str:
    """The chart as Bokeh JSON (for `Bokeh.embed.embed_item`)."""
    hidden = set(off_scale_areas(points))
    points = [p for p in points if p.area not in hidden]
    plot = figure(
        height=380, sizing_mode="stretch_width", x_axis_type="datetime",
        toolbar_location="above", tools="pan,box_zoom,reset,save",
        title=indicator.title,
    )
    plot.toolbar.logo = None
    plot.yaxis.axis_label = _axis_label(indicator)
    if all(p.value >= 0 for p in points):  # start counts at zero; let falls below zero show
        plot.y_range.start = 0  # type: ignore[attr-defined]  # a DataRange1d at run time
    series: dict[tuple[str, str], list[IndicatorPoint]] = defaultdict(list)
    for point in chart_points(points):
        series[(point.area, point.kind)].append(point)
    areas = list(dict.fromkeys(area for area, _ in sorted(series, key=lambda k: k[0] != "Thurrock")))
    for (area, kind), pts in sorted(series.items(), key=lambda kv: (areas.index(kv[0][0]), kv[0][1])):
        colour = AREA_COLOURS[areas.index(area) % len(AREA_COLOURS)]
        source = ColumnDataSource({
            "x": [dt.datetime.combine(p.period_end, dt.time()) for p in pts],
            "y": [p.value for p in pts],
            "period": [p.period for p in pts],
            "shown": [formatted[id(p)] for p in pts],
            "area": [series_label(area, kind) for _ in pts],
            "cited": [source_names[p.doc] for p in pts],
        })
        label = series_label(area, kind)
        plot.line("x", "y", source=source, color=colour, line_width=2.5,
                  line_dash=DASHES[kind], legend_label=label)
        marker = plot.scatter("x", "y", source=source, color=colour, size=8,
                              marker="circle" if kind == "actual" else "square",
                              fill_color=colour if kind == "actual" else "white",
                              legend_label=label)
        plot.add_tools(HoverTool(renderers=[marker], tooltips=[
            ("", "@area"), ("Period", "@period"), ("Value", "@shown"), ("Source", "@cited")]))
    _legend_below(plot)
    return json.dumps(json_item(plot), separators=(",", ":"))


def _axis_label(indicator: Indicator) -> str:
    return {
        "count": "Number", "rate-per-10000": "Per 10,000 children",
        "rate-per-100000": "Per 100,000 children", "percent": "Per cent",
        "days": "Days", "weeks": "Weeks", "gbp": "£", "gbp-million": "£ million", "ratio": "Ratio",
    }[indicator.unit]


def embed(chart_json: str, description: str) -> str:
    """HTML for the page: a labelled container carrying the chart's JSON in an attribute.

    Not in a <script> element: instant navigation re-creates scripts in swapped-in content and
    would try to run the JSON.
    """
    return (f'<div class="indicator-chart" role="figure" aria-label="{html.escape(description)}">\n'
            f'<div class="bokeh-chart" data-bokeh-version="{bokeh.__version__}" '
            f'data-spec="{html.escape(chart_json)}"></div>\n'
            f'<noscript>The chart needs JavaScript; the table below has the same figures.</noscript>\n'
            f"</div>")


def backtest_chart(series: dict[str, list[tuple[dt.datetime, float]]],
                   actuals: list[tuple[str, float]]) -> str:
    """The four 2017 scenarios as dashed lines (each point dated at the model's base month), and
    the later actual numbers as filled points."""
    plot = figure(height=380, sizing_mode="stretch_width", x_axis_type="datetime",
                  toolbar_location="above", tools="pan,box_zoom,reset,save",
                  title="Looked-after children: 2017 projections and what later papers reported")
    plot.toolbar.logo = None
    plot.yaxis.axis_label = "Looked-after children"
    for index, (label, points) in enumerate(series.items()):
        source = ColumnDataSource({
            "x": [when for when, _ in points],
            "y": [value for _, value in points],
            "label": [label for _ in points],
            "shown": [f"{value:,.0f}" for _, value in points],
        })
        colour = AREA_COLOURS[(index + 1) % len(AREA_COLOURS)]
        plot.line("x", "y", source=source, color=colour, line_width=2.5, line_dash="dashed",
                  legend_label=f"{label} (projection)")
        marks = plot.scatter("x", "y", source=source, color=colour, size=6, marker="square",
                             fill_color="white", legend_label=f"{label} (projection)")
        plot.add_tools(HoverTool(renderers=[marks], tooltips=[("", "@label"), ("Year", "@x{%Y}"),
                                                              ("Projected", "@shown")],
                                 formatters={"@x": "datetime"}))
    observed = ColumnDataSource({
        "x": [dt.datetime.strptime(when, "%Y-%m") for when, _ in actuals],
        "y": [value for _, value in actuals],
        "shown": [f"{value:,.0f}" for _, value in actuals],
        "when": [when for when, _ in actuals],
    })
    dots = plot.scatter("x", "y", source=observed, color=AREA_COLOURS[0], size=11,
                        legend_label="Actual (later papers)")
    plot.add_tools(HoverTool(renderers=[dots], tooltips=[("Actual", "@shown"), ("When", "@when")]))
    plot.y_range.start = 0  # type: ignore[attr-defined]  # a DataRange1d at run time
    _legend_below(plot)
    return json.dumps(json_item(plot), separators=(",", ":"))


def _legend_below(plot: figure) -> None:
    """Under the plot, so it never hides a line; compact, so it fits a phone."""
    legend = plot.legend[0]
    legend.click_policy = "hide"
    legend.label_text_font_size = "12px"
    legend.glyph_width = 16
    legend.spacing = 2
    legend.padding = 6  # type: ignore[assignment]  # bokeh accepts a plain int
    plot.add_layout(legend, "below")
