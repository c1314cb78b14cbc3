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
    {"id": "prog_total", "label": "Programmes: net savings to {year} (cash)", "k": "money_m",
     "field": "programmes_net_to_date"},
    {"id": "prog_npv", "label": "Programmes: net present value of the savings to {year}",
     "k": "money_m", "field": "programmes_npv_to_date"},
]
BAND_FIELDS = ("lac_low", "lac_high", "total_cost_low", "total_cost_high")

LAYOUT: dict[str, Any] = {
    # The caption and notes come with each view (they name where the forecast starts).
    "years": {"id": "years", "title": "Year by year", "columns": YEARS_COLUMNS},
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
    out.update(_programmes_to_date(response, [int(r["year"]) for r in rows]))
    return out


def _programmes_to_date(response: Mapping[str, Any],
                        years: list[int]) -> dict[str, list[float | None]]:
    """All the programmes together, year by year: their running net savings (cash) and the net
    present value of the savings so far, so two scenarios can be compared in any year."""
    together = response.get("programmes_together") or {}
    by_year = dict(zip(together.get("years", []),
                       together.get("cash", {}).get("net_savings", []), strict=True))
    real = dict(zip(together.get("years", []),
                    together.get("real", {}).get("net_savings", []), strict=True))
    rate = 1 + float(together.get("discount_rate", 0.0)) / 100
    start = int(together.get("npv_year", years[0]))
    cash_total, npv_total = 0.0, 0.0
    cash: list[float | None] = []
    npv: list[float | None] = []
    for year in years:
        cash_total += by_year.get(year, 0.0)
        npv_total += real.get(year, 0.0) / rate ** (year - start)
        cash.append(cash_total)
        npv.append(npv_total)
    return {"programmes_net_to_date": cash, "programmes_npv_to_date": npv}


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


def _money_m(value: float | None) -> Cell:
    """A £ figure given in £M by the model, as a cell in pounds."""
    return _number(None if value is None else value * 1e6, "money_m")


def change_table(response: Mapping[str, Any]) -> Table:
    """The report's 'Projected changes in LAC costs' table: rows of £M after 3, 5 and 10 years
    from the starting year, with the uncertainty band on the change when it has been computed."""
    source = response["change_table"]
    start_year = source.get("start_year", BASE_YEAR)
    rows = [[_text(row["label"]), *[_money_m(v) for v in row["values"]]]
            for row in source["rows"]]
    band = source.get("band")
    if band:  # two rows of single figures, so the table stays as narrow as the others
        for place, (bound, words) in enumerate((("high", "high (95th percentile)"),
                                                ("low", "low (5th percentile)")), start=1):
            rows.insert(place, [_text(f"Uncertainty band on your settings, {words}"),
                                *[_money_m(v) for v in band[bound]]])
    published = source.get("published")
    label = response["scenario"]["report_label"]
    if published:
        rows.append([_text(f"{label} (published in the report)"),
                     *[_money_m(v) for v in published]])
    notes = []
    if published:
        notes.append("“Published in the report” is the report's own figure (APHR 2017, "
                     "§1.3.3): compare it with the “doing nothing” row.")
    notes.append(band_note(response))
    return {
        "id": "change",
        # The page writes the title once (only the caption follows each result), so the title
        # names no year; the caption says where the changes start from.
        "title": "Change in the annual cost of looked-after children",
        "caption": f"Projected changes in LAC costs since {start_year}, from "
                   f"{start_label(response)}, in the report's own layout (£M, 2017 prices unless "
                   "inflation is set)",
        "columns": [{"label": "Scenario"}, *[{"label": c, "num": True}
                                             for c in source["columns"]]],
        "rows": rows,
        "notes": notes,
    }


def start_label(response: Mapping[str, Any]) -> str:
    """Where the forecast starts, in words: 'August 2017, the month the report's figures
    describe' or the later count the reader gave."""
    start = response.get("start") or {}
    return str(start.get("label", f"August {BASE_YEAR}"))


def band_note(response: Mapping[str, Any]) -> str:
    """What the uncertainty band varies and what it does not (the model's own words)."""
    band = response.get("uncertainty")
    if band:
        return str(band["caption"])
    return ("The uncertainty band is worked out when you pause; it then appears in the charts "
            "and in this table, with what it varies and what it does not.")


def years_caption(response: Mapping[str, Any]) -> dict[str, Any]:
    """The year-by-year table's caption and notes (its columns are in LAYOUT)."""
    month = (response.get("start") or {}).get("month", "August")
    return {
        "caption": f"Looked-after children in {month} of each year (the month the report's "
                   f"2017 figures describe) and the year's cost, from {start_label(response)} "
                   "(the figures in the charts)",
        "notes": [band_note(response)],
    }


def payback_text(year: int | None) -> str:
    return "never" if year is None else str(year)


def _end_year(response: Mapping[str, Any]) -> int:
    return int(response["rows"][-1]["year"])


def programme_columns(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    end = _end_year(response)
    return [
        {"label": "Programme"}, {"label": "Scale"},
        {"label": "Cost a year", "num": True},
        {"label": "Children kept out of care a year", "num": True},
        {"label": "Savings, first year", "num": True},
        {"label": "Net savings, first year", "num": True},
        {"label": f"Net savings to {end}", "num": True},
        {"label": "Pays back", "num": True},
        {"label": "Net present value", "num": True},
    ]


def programme_note(response: Mapping[str, Any]) -> str:
    discount = response["parameters"].get("discount_rate", 3.5)
    start = (response.get("start") or {}).get("year", BASE_YEAR)
    return (
        "Savings: this scenario's forecast without the programme less the forecast with it, so "
        "they follow the scenario's choices (where non-placement costs are held, a child kept "
        "out of care saves only the placement) and the years of care each child avoids. Net: "
        f"less the programme's cost. Net savings to {_end_year(response)}: the running total, "
        "in cash (with the inflation you set). Pays back: the first year from which that "
        "running total stays above zero; “never” if it does not within the forecast. Net "
        f"present value: each year's net saving at 2017 prices, discounted at "
        f"{decimal(discount).removesuffix('.0')}% a year (HM Treasury Green Book) to {start}.")


def _programme_row(p: Mapping[str, Any], label: str | None = None,
                   scale: str | None = None) -> list[Cell]:
    capacity = p.get("capacity")
    if scale is not None:
        scale_cell = _text(scale)
    else:
        whole = capacity is not None and float(capacity).is_integer()
        scale_cell = _number(capacity, "count" if whole else "decimal", unit=p["capacity_unit"])
    first = p["first_year"]
    cumulative = p["totals"]["cash"]["net_savings"]
    real = p["totals"]["real"]["net_savings"]
    cumulative_text = money_m(cumulative)
    if money_m(real) != cumulative_text:  # inflation is set: say what it is at 2017 prices too
        cumulative_text += f"; {money_m(real)} at 2017 prices"
    return [
        _text(label or p["label"]),
        scale_cell,
        _number(first["cost"], "money"),
        _number(p["children_prevented"], "decimal"),
        _number(first["gross_savings"], "money"),
        _number(first["net_savings"], "money"),
        {"t": cumulative_text, "v": cumulative},
        {"t": payback_text(p["payback"]), "v": p["payback"]},
        _number(p["npv"], "money_m"),
    ]


def _together_row(response: Mapping[str, Any], active: list[Mapping[str, Any]]) -> list[Cell]:
    together = dict(response["programmes_together"])
    together["children_prevented"] = math.fsum(p["children_prevented"] for p in active)
    together["capacity"] = None
    return _programme_row(together, "All of them together (the forecast with and without)",
                          f"{len(active)} programmes")


def programmes_table(response: Mapping[str, Any]) -> Table:
    """The programmes switched on in this scenario, at the scale set, each on its own; and all
    of them together when there are several (their savings can overlap)."""
    active = [p for p in response["programmes"].values() if p["in_place"]]
    rows = [_programme_row(p) for p in active]
    if len(active) > 1 and "programmes_together" in response:
        rows.append(_together_row(response, active))
    notes = [programme_note(response), *(g["message"] for g in response.get("guard_rails", []))]
    return {
        "id": "programmes",
        "title": "Preventive programmes in this scenario: costs and savings",
        "caption": f"Each programme at the scale you set, on its own in this scenario, from "
                   f"{active[0]['start_year']} (money in cash; 2017 prices unless inflation is "
                   "set)" if active else
                   "No programme is switched on. Set one under “Preventive programmes” or "
                   "“Placements and stays”, or press a “Use the report's proposal” button there.",
        "columns": programme_columns(response),
        "rows": rows,
        "notes": notes if active else [],
    }


def proposals_table(response: Mapping[str, Any]) -> Table:
    """Every programme at the scale the report costs it, with this scenario's other settings."""
    return {
        "id": "proposals",
        "title": "The report's proposals, each at the report's own scale",
        "caption": "What each recommended programme would cost and save, on its own in this "
                   "scenario with its other settings (money in cash; 2017 prices unless "
                   "inflation is set)",
        "columns": programme_columns(response),
        "rows": [_programme_row(p) for p in response["programmes_at_report_scale"].values()],
        "notes": [programme_note(response)],
    }


def compare_fixed(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Compared figures that do not depend on the year: changes since the start over the
    report's horizons, and the programmes' first year (the yearly ones come from ``series``)."""
    source = response["change_table"]
    start_year = source.get("start_year", BASE_YEAR)
    change = source["rows"][0]["values"]
    programmes = response["programmes"].values()
    together = response["programmes_together"]
    return [
        *[{"id": f"change_{h}", "label": f"Change in cost after {h} years (from {start_year})",
           "k": "money_m", "v": None if v is None else v * 1e6}
          for h, v in zip(HORIZONS, change, strict=True)],
        {"id": "prog_cost", "label": "Programmes: cost in their first year", "k": "money",
         "v": together["first_year"]["cost"]},
        {"id": "prog_net", "label": "Programmes: net savings in their first year", "k": "money",
         "v": together["first_year"]["net_savings"]},
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
    start = response.get("start") or {}
    if start.get("observed"):
        label += f", starting from {count(start['lac'])} children in care in {start['year']}"
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
        "start": start_label(response),
        "guard_rails": response.get("guard_rails", []),
        "band": bool(response.get("uncertainty")),
        "summary": summary(response),
        "headline": headline(response),
        "series": series(response),
        "tables": {**{t["id"]: t for t in tables}, "years": years_caption(response)},
        "compare": compare_fixed(response),
    }


def handle(request_json: str) -> str:
    """The Web Worker's entry point: a model request as JSON text in, the page's view out."""
    request = json.loads(request_json)
    return json.dumps(view(api.compute(request)), allow_nan=False, separators=(",", ":"))
