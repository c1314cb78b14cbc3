"""What the explorer page shows for one model response: one set of figures, and how to show them.

This one module runs in two places: in CPython at build time (the published scenarios the page
starts from, and its tables when JavaScript is off) and in Pyodide in the page's Web Worker, where
it is shipped in the model's wheel as the top-level module ``explorer_presenter``.

A view holds the figures once: ``series``, one column per row field of the forecast (and of doing
nothing, and of the uncertainty band), from which the page draws the charts, the year-by-year
table, the comparison and the CSV; and three small tables whose cells are numbers with a *kind*
(``{"v": 1234.5, "k": "count"}``), written as ``FORMATS`` says. ``LAYOUT`` says how the page turns
the series into its year-by-year table, comparison, charts and CSV; the page's data carries it,
and the page's JavaScript (formats.mjs, results.mjs) reads both. So a figure reads the same
whichever way it was computed, and nothing is formatted in the worker that the reader never sees.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from model import api

Cell = dict[str, Any]  # {"t": text} | {"v": number | None, "k": kind} | {"lo", "hi", "k"}
Table = dict[str, Any]

BASE_YEAR = 2017
HORIZONS = (3, 5, 10)

# ---------------------------------------------------------------------------------- formatting
# How each kind of figure is written. The page's JavaScript (explorer/static/formats.mjs) reads
# this same table from the page's data, so a figure formatted in the browser reads exactly as one
# formatted here; tests/cases/formats.json holds the cases both are checked against.
FORMATS: dict[str, dict[str, Any]] = {
    "count": {"places": 0},                       # children, families, places: 1,234
    "decimal": {"places": 1},                     # rates, children prevented: 12.5
    "money_m": {"places": 2, "scale": 1e-6, "prefix": "£", "suffix": "M"},  # as the report: -£0.44M
    "money": {"places": 0, "prefix": "£"},        # whole pounds, as the report's programmes: £1,225,153
    "year": {"places": 0, "group": False},        # 2037, never 2,037
}
MISSING = "—"


def _round(x: float, places: int = 0) -> float:
    """Half away from zero (as the page's JavaScript does), not Python's half-to-even."""
    scale = 10.0**places
    return math.copysign(math.floor(abs(x) * scale + 0.5) / scale, x)


def format_kind(kind: str, value: float | None) -> str:
    """``value`` written as ``FORMATS[kind]`` says: rounded half away from zero, the sign first."""
    if value is None:
        return MISSING
    spec = FORMATS[kind]
    places = int(spec["places"])
    rounded = _round(value * spec.get("scale", 1.0), places) + 0.0  # + 0.0: never "-0"
    sign = "-" if rounded < 0 else ""
    digits = f"{abs(rounded):{',' if spec.get('group', True) else ''}.{places}f}"
    return f"{sign}{spec.get('prefix', '')}{digits}{spec.get('suffix', '')}"


def count(x: float | None) -> str:
    """Children, families, places: a whole number with thousands separators."""
    return format_kind("count", x)


def decimal(x: float | None) -> str:
    """Rates and fractions of children: one decimal place."""
    return format_kind("decimal", x)


def money_m(x: float | None) -> str:
    """£ in millions to 2 decimals with the sign first, as the report prints: '-£0.44M'."""
    return format_kind("money_m", x)


def pounds(x: float | None) -> str:
    """Whole pounds, as the report prints programme figures: '£1,225,153', '-£7,293'."""
    return format_kind("money", x)


def money_words(x: float | None) -> str:
    """Money in a sentence, in GOV.UK style: '£26.1 million', '£5 million', '£940,000'.

    Tables keep the report's '£26.10M' (``money_m``); this is for the headline."""
    if x is None:
        return MISSING
    if abs(_round(x / 1e6, 1)) < 1:
        return pounds(_round(x, -3))
    m = _round(x / 1e6, 1)
    sign = "-" if m < 0 else ""
    text = f"{abs(m):,.1f}".removesuffix(".0")
    return f"{sign}£{text} million"


def cell_text(cell: Cell) -> str:
    """A table cell as the page shows it (formats.mjs cellText does the same in the browser)."""
    if "t" in cell:
        return str(cell["t"])
    if "lo" in cell:
        if cell["lo"] is None or cell["hi"] is None:
            return MISSING
        return f"{format_kind(cell['k'], cell['lo'])} to {format_kind(cell['k'], cell['hi'])}"
    text = format_kind(cell["k"], cell["v"])
    return f"{text} {cell['unit']}" if "unit" in cell and cell["v"] is not None else text


def _number(value: float | None, kind: str, **extra: Any) -> Cell:
    return {"v": value, "k": kind, **extra}


def _text(text: str) -> Cell:
    return {"t": text}


# ---------------------------------------------------------------------------------- the layout
# Columns of the year-by-year table: a series, or a range between two (the uncertainty band).
YEARS_COLUMNS: list[dict[str, Any]] = [
    {"label": "Year", "field": "year", "k": "year"},
    {"label": "Children aged 0-17", "field": "child_population", "k": "count"},
    {"label": "Non-UASC rate per 10,000", "field": "non_uasc_rate", "k": "decimal"},
    {"label": "Looked-after children", "field": "lac", "k": "count"},
    {"label": "Doing nothing", "field": "base_lac", "k": "count"},
    {"label": "Uncertainty range", "range": ["lac_low", "lac_high"], "k": "count"},
    {"label": "Cost of care", "field": "total_cost", "k": "money_m"},
    {"label": "Doing nothing", "field": "base_total_cost", "k": "money_m"},
    {"label": "Uncertainty range", "range": ["total_cost_low", "total_cost_high"], "k": "money_m"},
    {"label": "Programme costs", "field": "programme_cost", "k": "money_m"},
    {"label": "Net cost", "field": "net_cost", "k": "money_m"},
]
# The figures set side by side when comparing two scenarios, in a year both reach ("{year}").
COMPARE_YEARLY: list[dict[str, str]] = [
    {"id": "lac", "label": "Looked-after children in {year}", "k": "count", "field": "lac"},
    {"id": "cost", "label": "Cost of care in {year}", "k": "money_m", "field": "total_cost"},
    {"id": "net", "label": "Net cost in {year} (with programme costs)", "k": "money_m",
     "field": "net_cost"},
    {"id": "saved", "label": "Cost of care saved against doing nothing, {year}", "k": "money_m",
     "field": "cost_saved"},
]
BAND_FIELDS = ("lac_low", "lac_high", "total_cost_low", "total_cost_high")

LAYOUT: dict[str, Any] = {
    "years": {
        "id": "years", "title": "Year by year",
        "caption": "Looked-after children on 31 March and the year's cost (the figures in the "
                   "charts)",
        "columns": YEARS_COLUMNS,
    },
    "compare": COMPARE_YEARLY,
    # The CSV's year-by-year block: the model's own field names, unrounded.
    "export": [*[[name, name] for name in api.describe()["row_fields"]],
               ["baseline_lac", "base_lac"], ["baseline_total_cost", "base_total_cost"],
               *[[name, name] for name in BAND_FIELDS]],
}


# ---------------------------------------------------------------------------------- the view
def series(response: Mapping[str, Any]) -> dict[str, list[float | None]]:
    """Every figure by year, once: the forecast's fields, doing nothing's (``base_``), the band's
    (when computed) and the cost saved against doing nothing."""
    rows, base = response["rows"], response["baseline_rows"]
    out: dict[str, list[float | None]] = {name: [r[name] for r in rows] for name in rows[0]}
    out["base_lac"] = [r["lac"] for r in base]
    out["base_total_cost"] = [r["total_cost"] for r in base]
    out["cost_saved"] = [b["total_cost"] - r["total_cost"] for r, b in zip(rows, base, strict=True)]
    band = response.get("uncertainty")
    for name in BAND_FIELDS:
        out[name] = list(band[name]) if band else [None] * len(rows)
    return out


def years_rows(data: Mapping[str, Sequence[float | None]]) -> list[list[Cell]]:
    """The year-by-year table's cells (the page builds the same from ``LAYOUT``)."""
    out = []
    for i in range(len(data["year"])):
        row: list[Cell] = []
        for column in YEARS_COLUMNS:
            if "range" in column:
                low, high = column["range"]
                row.append({"lo": data[low][i], "hi": data[high][i], "k": column["k"]})
            else:
                row.append(_number(data[column["field"]][i], column["k"]))
        out.append(row)
    return out


def _row_at(rows: Sequence[Mapping[str, float]], year: int) -> Mapping[str, float] | None:
    return next((r for r in rows if int(r["year"]) == year), None)


def change_table(response: Mapping[str, Any]) -> Table:
    """The report's 'Projected changes in LAC costs' table: rows of £M after 3, 5 and 10 years."""
    source = response["change_table"]
    rows = [[_text(row["label"]), *[_number(None if v is None else v * 1e6, "money_m")
                                    for v in row["values"]]]
            for row in source["rows"]]
    published = source.get("published")
    label = response["scenario"]["report_label"]
    if published:
        rows.append([_text(f"{label} (published in the report)"),
                     *[_number(v * 1e6, "money_m") for v in published]])
    return {
        "id": "change",
        "title": "Change in the annual cost of looked-after children since 2017",
        "caption": "Projected changes in LAC costs, in the report's own layout (£M, "
                   "2017 prices unless inflation is set)",
        "columns": [{"label": "Scenario"}, *[{"label": c, "num": True}
                                             for c in source["columns"]]],
        "rows": rows,
        "notes": ["“Published in the report” is the report's own figure (APHR 2017, "
                  "§1.3.3): compare it with the “doing nothing” row."] if published else [],
    }


def _payback_months(p: Mapping[str, Any]) -> float | None:
    """Months of gross savings that repay one year's cost (the model gives no payback itself)."""
    gross, cost = p.get("gross_savings") or 0.0, p.get("cost") or 0.0
    if cost <= 0 or gross <= 0:
        return None
    return 12 * cost / gross


PROGRAMME_COLUMNS = [
    {"label": "Programme"}, {"label": "Scale"},
    {"label": "Cost a year", "num": True},
    {"label": "Children kept out of care", "num": True},
    {"label": "Gross savings", "num": True},
    {"label": "Net savings", "num": True},
    {"label": "Cashable net savings", "num": True},
    {"label": "Break-even children", "num": True},
    {"label": "Payback (months)", "num": True},
]
PROGRAMME_NOTE = ("Gross savings: children kept out of care times a year's cost of care (or, for the "
                  "domestic violence programmes, incidents averted times their cost to social care). "
                  "Net: less the programme's cost. Cashable: the placement part, which can "
                  "quickly come out of budgets. Break-even: children kept out of care that "
                  "would pay for the programme. Payback: months of gross savings that repay "
                  "a year's cost.")


def _programme_row(p: Mapping[str, Any]) -> list[Cell]:
    capacity = p["capacity"]
    whole = capacity is not None and float(capacity).is_integer()
    return [
        _text(p["label"]),
        _number(capacity, "count" if whole else "decimal", unit=p["capacity_unit"]),
        _number(p["cost"], "money"),
        _number(p["children_prevented"], "decimal"),
        _number(p["gross_savings"], "money"),
        _number(p["net_savings"], "money"),
        _number(p["cashable_net_savings"], "money"),
        _number(p.get("break_even_children"), "decimal"),
        _number(_payback_months(p), "decimal"),
    ]


def programmes_table(response: Mapping[str, Any]) -> Table:
    """The programmes switched on in this scenario, at the scale set."""
    active = [p for p in response["programmes"].values() if p["capacity"]]
    return {
        "id": "programmes",
        "title": "Preventive programmes in this scenario: a year's costs and savings",
        "caption": "Each programme at the scale you set (2017 prices)" if active else
                   "No programme is switched on. Set one under “Preventive programmes” or "
                   "“Placements and stays”, or press a “Use the report's proposal” button there.",
        "columns": PROGRAMME_COLUMNS,
        "rows": [_programme_row(p) for p in active],
        "notes": [PROGRAMME_NOTE] if active else [],
    }


def proposals_table(response: Mapping[str, Any]) -> Table:
    """Every programme at the scale the report costs it, with this scenario's other settings."""
    return {
        "id": "proposals",
        "title": "The report's proposals, each at the report's own scale",
        "caption": "What each recommended programme would cost and save a year, with this "
                   "scenario's other settings (2017 prices)",
        "columns": PROGRAMME_COLUMNS,
        "rows": [_programme_row(p) for p in response["programmes_at_report_scale"].values()],
        "notes": [PROGRAMME_NOTE],
    }


def compare_fixed(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Compared figures that do not depend on the year: changes since 2017 over the report's
    horizons, and a year of the programmes (the yearly ones come from ``series``)."""
    change = response["change_table"]["rows"][0]["values"]
    programmes = response["programmes"].values()
    return [
        *[{"id": f"change_{h}", "label": f"Change in cost after {h} years (from {BASE_YEAR})",
           "k": "money_m", "v": None if v is None else v * 1e6}
          for h, v in zip(HORIZONS, change, strict=True)],
        {"id": "prog_cost", "label": "Programmes: cost a year", "k": "money",
         "v": math.fsum(p["cost"] for p in programmes)},
        {"id": "prog_net", "label": "Programmes: net savings a year", "k": "money",
         "v": math.fsum(p["net_savings"] for p in programmes)},
        {"id": "prog_children", "label": "Programmes: children kept out of care a year",
         "k": "decimal", "v": math.fsum(p["children_prevented"] for p in programmes)},
    ]


def headline(response: Mapping[str, Any]) -> dict[str, Any]:
    """The few figures the page keeps in view while settings further down are changed."""
    rows, base = response["rows"], response["baseline_rows"]
    year = min(BASE_YEAR + 10, int(rows[-1]["year"]))
    r, b = _row_at(rows, year), _row_at(base, year)
    if r is None or b is None:  # pragma: no cover - the model always covers 2017-2027
        return {}
    return {"year": year, "lac": count(r["lac"]), "cost": money_words(r["total_cost"]),
            "base_lac": count(b["lac"]), "base_cost": money_words(b["total_cost"])}


def summary(response: Mapping[str, Any]) -> str:
    """One sentence, announced to screen readers when a result is settled."""
    rows, base = response["rows"], response["baseline_rows"]
    target = min(BASE_YEAR + 10, int(rows[-1]["year"]))
    r, b = _row_at(rows, target), _row_at(base, target)
    if r is None or b is None:  # pragma: no cover - the model always covers 2017-2027
        return ""
    label = response["scenario"]["label"]
    if response.get("changed"):
        label += ", with your changes"
    text = (f"{label}: in {target}, {count(r['lac'])} looked-after "
            f"children costing {money_words(r['total_cost'])} a year")
    if abs(r["total_cost"] - b["total_cost"]) < 0.5 and abs(r["lac"] - b["lac"]) < 0.05:
        return text + " (the same as doing nothing)."
    return text + (f", against {count(b['lac'])} children and {money_words(b['total_cost'])} "
                   "if nothing is done.")


def view(response: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the page shows for one response. ``scenario`` and ``settings`` are what the
    figures were computed with (the model's own record), never what was asked."""
    tables = [change_table(response), programmes_table(response), proposals_table(response)]
    return {
        "scenario": response["scenario"]["id"],
        "settings": response["parameters"],
        "errors": response["errors"],
        "band": bool(response.get("uncertainty")),
        "summary": summary(response),
        "headline": headline(response),
        "series": series(response),
        "tables": {t["id"]: t for t in tables},
        "compare": compare_fixed(response),
    }


def handle(request_json: str) -> str:
    """The Web Worker's entry point: a model request as JSON text in, the page's view out."""
    request = json.loads(request_json)
    return json.dumps(view(api.compute(request)), allow_nan=False, separators=(",", ":"))
