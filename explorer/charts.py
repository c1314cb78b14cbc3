"""The explorer's two charts, drawn with Bokeh in a Panel layout and saved as static HTML.

Built once, at build time, in CPython. In the browser nothing of Panel or Bokeh runs in Python: the
page's JavaScript writes each new result into the named ColumnDataSources ("scenario", "pinned")
and BokehJS repaints. The sources start out holding the default scenario's numbers, so the charts
are drawn as soon as BokehJS has loaded, before the in-browser model is ready.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

# Panel reads PANEL_CDN_ROOT when it is first imported, and writes URLs under it into the saved
# page (theme CSS, a module shim). It must point at our own copy, never Panel's own CDN, so it is
# set here, before anything imports panel, and checked after.
PANEL_ROOT = "panel/"
os.environ["PANEL_CDN_ROOT"] = PANEL_ROOT

import panel as pn  # noqa: E402
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
from bokeh.resources import INLINE  # noqa: E402
from panel.io.model import add_to_doc  # noqa: E402
from panel.io.resources import CDN_ROOT  # noqa: E402
from pyviz_comms import Comm  # noqa: E402

from model.parameters import base_month_name  # noqa: E402

if CDN_ROOT != PANEL_ROOT:  # panel was imported before this module: its URLs point at a CDN
    raise RuntimeError(
        f"panel was imported before explorer.charts set PANEL_CDN_ROOT (it has {CDN_ROOT!r}); "
        "import explorer.charts first or set PANEL_CDN_ROOT=panel/ in the environment"
    )

PANEL_DIST = Path(pn.__file__).parent / "dist"

# Okabe-Ito colours, as the site's indicator charts: distinguishable with colour blindness.
SCENARIO = "#0072B2"
BASELINE = "#555555"
PINNED = "#D55E00"
BAND = "#56B4E9"

# Columns of the "scenario" source; the page's JavaScript writes the same names.
SCENARIO_COLUMNS = ("year", "lac", "base_lac", "lac_low", "lac_high",
                    "cost_m", "base_cost_m", "cost_low_m", "cost_high_m")
PINNED_COLUMNS = ("year", "lac", "cost_m")


@dataclass(frozen=True)
class SavedCharts:
    html: str                   # the whole page, rendered through the caller's template
    assets: dict[str, Path]     # app-relative path -> Panel file the page refers to


def _figure(title: str, y_label: str) -> Any:
    plot = figure(
        title=Title(text=title, text_font_size="15px", text_font_style="bold"),
        height=330, min_width=280, sizing_mode="stretch_width", tools="", toolbar_location=None,
        x_range=DataRange1d(range_padding=0.02),
        y_range=DataRange1d(start=0, range_padding=0.08),  # counts and costs from zero
    )
    plot.yaxis.axis_label = y_label
    plot.xaxis.ticker = AdaptiveTicker(desired_num_ticks=8, min_interval=1)  # whole years
    plot.xaxis.formatter = NumeralTickFormatter(format="0")
    plot.axis.major_label_text_font_size = "13px"
    plot.axis.axis_label_text_font_size = "13px"
    plot.axis.axis_label_text_font_style = "normal"
    plot.outline_line_color = None
    plot.background_fill_color = "#ffffff"
    plot.border_fill_color = "#ffffff"
    return plot


def _chart(title: str, y_label: str, columns: tuple[str, str, str, str], scenario: ColumnDataSource,
           pinned: ColumnDataSource, tick_format: str) -> Any:
    """One chart: the scenario, the do-nothing baseline, the uncertainty band and a pinned A."""
    value, baseline, low, high = columns
    plot = _figure(title, y_label)
    plot.yaxis.formatter = NumeralTickFormatter(format=tick_format)
    # The legend is HTML beside the charts (templates/app.html), shared by both and readable by
    # screen readers; the renderers are named so the page can show or hide them.
    plot.varea(x="year", y1=low, y2=high, source=scenario, fill_color=BAND, fill_alpha=0.3)
    plot.line(x="year", y=baseline, source=scenario, line_color=BASELINE, line_width=2,
                     line_dash="dashed")
    line = plot.line(x="year", y=value, source=scenario, line_color=SCENARIO, line_width=3)
    plot.scatter(x="year", y=value, source=scenario, size=5, color=SCENARIO)
    plot.line(x="year", y=value, source=pinned, line_color=PINNED, line_width=2.5,
                    line_dash="dotted", name=f"pinned-{value}", visible=False)
    fmt = "{0,0}" if value == "lac" else "{0,0.00}"
    plot.add_tools(HoverTool(renderers=[line], mode="vline", tooltips=[
        ("Year", "@year"),
        ("This scenario", f"@{value}{fmt}"),
        ("Do nothing", f"@{baseline}{fmt}"),
    ]))
    return plot


def save_charts(first: dict[str, list[float | None]], template: jinja2.Template,
                context: dict[str, Any], title: str, lean: bool) -> SavedCharts:
    """Render the page: ``template`` gets ``context`` plus Bokeh's ``bokeh_css``, ``bokeh_js``,
    ``plot_script`` and ``roots`` (the Panel layout is ``roots[0]``).

    ``lean``: inline Panel's few stylesheets into the document (BokehJS otherwise waits for
    three more requests before it lays out the charts), and leave out what these charts never
    use: Panel's ES-module shim (for ReactiveESM components) and BokehJS's WebGL bundle.
    """
    scenario = ColumnDataSource({name: list(first[name]) for name in SCENARIO_COLUMNS},
                                name="scenario")
    pinned = ColumnDataSource({name: list(first[name]) for name in PINNED_COLUMNS}, name="pinned")
    lac = _chart(f"Looked-after children ({base_month_name()} of each year)", "Children",
                 ("lac", "base_lac", "lac_low", "lac_high"), scenario, pinned, "0,0")
    cost = _chart("Annual cost of looked-after children", "£ million a year",
                  ("cost_m", "base_cost_m", "cost_low_m", "cost_high_m"), scenario, pinned,
                  "0,0.0")
    # A Panel Column: BokehJS lays it out about 60 ms sooner than a FlexBox (a ReactiveHTML model).
    layout = pn.Column(
        pn.pane.Bokeh(lac, sizing_mode="stretch_width", min_width=280),
        pn.pane.Bokeh(cost, sizing_mode="stretch_width", min_width=280),
        sizing_mode="stretch_width",
    )
    doc = Document()
    add_to_doc(layout.get_root(doc, Comm()), doc, True)
    if lean:
        _inline_stylesheets(doc)
    out = io.StringIO()
    pn.io.save.save(doc, out, title=title, resources=INLINE, template=template,
                    template_variables=context)
    html = out.getvalue()
    if lean:
        html = ESM_SHIM.sub("", html)
        if any(getattr(p, "output_backend", "canvas") != "canvas" for p in (lac, cost)):
            raise RuntimeError("a chart uses WebGL: keep bokeh-gl.min.js")
        html = WEBGL_BUNDLE.sub("", html)
    return SavedCharts(html=html, assets=panel_assets(html))


# BokehJS's WebGL bundle, which Panel always includes; these charts draw on a 2D canvas.
WEBGL_BUNDLE = re.compile(r'<script type="text/javascript">\s*/\* BEGIN bokeh-gl\.min\.js \*/'
                          r'.*?/\* END bokeh-gl\.min\.js \*/\s*</script>', re.S)
ESM_SHIM = re.compile(r'<script type="esms-options">[^<]*</script>\s*'
                      r'<script type="text/javascript" src="[^"]*es-module-shims[^"]*"></script>')


def _inline_stylesheets(doc: Document) -> None:
    """Replace each stylesheet Panel links to under PANEL_ROOT with its text."""
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
                replaced.append(InlineStyleSheet(css=css))
            else:
                replaced.append(sheet)
        model.stylesheets = replaced  # type: ignore[attr-defined]  # a UIElement


def panel_assets(html: str) -> dict[str, Path]:
    """The files under PANEL_CDN_ROOT that the saved page refers to, from Panel's own dist/."""
    assets: dict[str, Path] = {}
    pattern = re.escape(PANEL_ROOT) + r"""[0-9.]+/dist/([^"'\s)?#\\]+)"""
    for match in re.finditer(pattern, html):
        relative = match.group(0).split("?")[0]
        source = PANEL_DIST / match.group(1)
        if not source.is_file():
            raise FileNotFoundError(f"the saved page refers to {relative}, not in {PANEL_DIST}")
        assets[relative] = source
    return assets
