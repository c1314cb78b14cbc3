"""What the explorer page shows for one model response: chart columns, tables, a summary sentence.

This one module runs in two places: in CPython at build time (the published scenarios baked into
the page, and the no-JavaScript table) and in Pyodide in the page's Web Worker, where it is shipped
as the top-level module ``explorer_presenter`` next to the model. So the figures a reader sees are
formatted by the same code whichever way they were computed. Standard library only, like the model.

Numbers are rounded half away from zero in both places (``_round``), so a figure shown from the
build-time data and the same figure computed in the browser read the same.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from model import api

Cell = dict[str, Any]  # {"t": text shown, "v": the unrounded number or None}
Table = dict[str, Any]

BASE_YEAR = 2017
HORIZONS = (3, 5, 10)


# ---------------------------------------------------------------------------------- formatting
# How each kind of figure is written. The page's JavaScript (explorer/static/formats.mjs) reads
# this same table from the page's data, so a figure formatted in the browser (a difference in the
# comparison, say) reads exactly as one formatted here; tests/cases/formats.json holds the cases
# both are checked against.
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


def money_words(x: float | None) -> str:
    """Money in a sentence, in GOV.UK style: '£26.1 million', '£5 million', '£940,000'.

    Tables keep the report's '£26.10M' (``money_m``); this is for the headline."""
    if x is None:
        return "—"
    if abs(_round(x / 1e6, 1)) < 1:
        return pounds(_round(x, -3))
    m = _round(x / 1e6, 1)
    sign = "-" if m < 0 else ""
    text = f"{abs(m):,.1f}".removesuffix(".0")
    return f"{sign}£{text} million"


def pounds(x: float | None) -> str:
    """Whole pounds, as the report prints programme figures: '£1,225,153', '-£7,293'."""
    return format_kind("money", x)


def _cell(value: float | None, text: str | None = None) -> Cell:
    return {"t": text if text is not None else decimal(value), "v": value}


def _text(text: str) -> Cell:
    return {"t": text, "v": None}


# ---------------------------------------------------------------------------------- the view
def _band(response: Mapping[str, Any], field: str) -> list[float | None]:
    band = response.get("uncertainty")
    n = len(response["rows"])
    if not band:
        return [None] * n
    return list(band[field])


def chart_columns(response: Mapping[str, Any]) -> dict[str, list[float | None]]:
    """The columns of the charts' "scenario" source (names as in explorer/charts.py)."""
    rows, base = response["rows"], response["baseline_rows"]

    def millions(values: Sequence[float | None]) -> list[float | None]:
        return [None if v is None else v / 1e6 for v in values]

    return {
        "year": [r["year"] for r in rows],
        "lac": [r["lac"] for r in rows],
        "base_lac": [r["lac"] for r in base],
        "lac_low": _band(response, "lac_low"),
        "lac_high": _band(response, "lac_high"),
        "cost_m": millions([r["total_cost"] for r in rows]),
        "base_cost_m": millions([r["total_cost"] for r in base]),
        "cost_low_m": millions(_band(response, "total_cost_low")),
        "cost_high_m": millions(_band(response, "total_cost_high")),
    }


def _row_at(rows: Sequence[Mapping[str, float]], year: int) -> Mapping[str, float] | None:
    return next((r for r in rows if int(r["year"]) == year), None)


def change_table(response: Mapping[str, Any]) -> Table:
    """The report's 'Projected changes in LAC costs' table: rows of £M after 3, 5 and 10 years."""
    source = response["change_table"]
    rows = [[_text(row["label"]), *[_cell(v, money_m(None if v is None else v * 1e6))
                                    for v in row["values"]]]
            for row in source["rows"]]
    published = source.get("published")
    label = response["scenario"]["report_label"]
    if published:
        rows.append([_text(f"{label} (published in the report)"),
                     *[_cell(v, money_m(v * 1e6)) for v in published]])
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
    scale = f"{decimal(p['capacity']).removesuffix('.0')} {p['capacity_unit']}"
    payback = _payback_months(p)
    return [
        _text(p["label"]),
        _cell(p["capacity"], scale),
        _cell(p["cost"], pounds(p["cost"])),
        _cell(p["children_prevented"], decimal(p["children_prevented"])),
        _cell(p["gross_savings"], pounds(p["gross_savings"])),
        _cell(p["net_savings"], pounds(p["net_savings"])),
        _cell(p["cashable_net_savings"], pounds(p["cashable_net_savings"])),
        _cell(p.get("break_even_children"), decimal(p.get("break_even_children"))),
        _cell(payback, decimal(payback)),
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


def years_table(response: Mapping[str, Any]) -> Table:
    """Year by year: the table alternative to both charts."""
    rows, base = response["rows"], response["baseline_rows"]
    lows, highs = _band(response, "lac_low"), _band(response, "lac_high")
    clows, chighs = _band(response, "total_cost_low"), _band(response, "total_cost_high")
    out = []
    for i, (r, b) in enumerate(zip(rows, base, strict=True)):
        lac_range = "—" if lows[i] is None else f"{count(lows[i])} to {count(highs[i])}"
        cost_range = "—" if clows[i] is None else f"{money_m(clows[i])} to {money_m(chighs[i])}"
        out.append([
            _cell(r["year"], str(int(r["year"]))),
            _cell(r["child_population"], count(r["child_population"])),
            _cell(r["non_uasc_rate"], decimal(r["non_uasc_rate"])),
            _cell(r["lac"], count(r["lac"])),
            _cell(b["lac"], count(b["lac"])),
            _text(lac_range),
            _cell(r["total_cost"], money_m(r["total_cost"])),
            _cell(b["total_cost"], money_m(b["total_cost"])),
            _text(cost_range),
            _cell(r["programme_cost"], money_m(r["programme_cost"])),
            _cell(r["net_cost"], money_m(r["net_cost"])),
        ])
    return {
        "id": "years",
        "title": "Year by year",
        "caption": "Looked-after children on 31 March and the year's cost (the figures in "
                   "the charts)",
        "columns": [{"label": "Year"}, {"label": "Children aged 0-17", "num": True},
                    {"label": "Non-UASC rate per 10,000", "num": True},
                    {"label": "Looked-after children", "num": True},
                    {"label": "Doing nothing", "num": True},
                    {"label": "Uncertainty range", "num": True},
                    {"label": "Cost of care", "num": True},
                    {"label": "Doing nothing", "num": True},
                    {"label": "Uncertainty range", "num": True},
                    {"label": "Programme costs", "num": True},
                    {"label": "Net cost", "num": True}],
        "rows": out,
        "notes": [],
    }


def compare_figures(response: Mapping[str, Any]) -> dict[str, Any]:
    """The figures set side by side when comparing two scenarios, for every year.

    Two scenarios may end in different years (the last year is a setting), so the page compares
    them in a year both reach; "{year}" in a label is that year. The ``fixed`` figures do not
    depend on the year: changes since 2017 over the report's horizons, and a year of programmes.
    """
    rows, base = response["rows"], response["baseline_rows"]
    yearly = [
        {"id": "lac", "label": "Looked-after children in {year}", "kind": "count",
         "values": [r["lac"] for r in rows]},
        {"id": "cost", "label": "Cost of care in {year}", "kind": "money_m",
         "values": [r["total_cost"] for r in rows]},
        {"id": "net", "label": "Net cost in {year} (with programme costs)", "kind": "money_m",
         "values": [r["net_cost"] for r in rows]},
        {"id": "saved", "label": "Cost of care saved against doing nothing, {year}",
         "kind": "money_m",
         "values": [b["total_cost"] - r["total_cost"] for r, b in zip(rows, base, strict=True)]},
    ]
    change = response["change_table"]["rows"][0]["values"]
    fixed = [{"id": f"change_{h}", "label": f"Change in cost after {h} years (from {BASE_YEAR})",
              "kind": "money_m", "value": None if v is None else v * 1e6}
             for h, v in zip(HORIZONS, change, strict=True)]
    programmes = response["programmes"].values()
    fixed += [
        {"id": "prog_cost", "label": "Programmes: cost a year", "kind": "money",
         "value": math.fsum(p["cost"] for p in programmes)},
        {"id": "prog_net", "label": "Programmes: net savings a year", "kind": "money",
         "value": math.fsum(p["net_savings"] for p in programmes)},
        {"id": "prog_children", "label": "Programmes: children kept out of care a year",
         "kind": "decimal", "value": math.fsum(p["children_prevented"] for p in programmes)},
    ]
    return {"years": [int(r["year"]) for r in rows], "yearly": yearly, "fixed": fixed}


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
    """One sentence, announced to screen readers after every change."""
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


def export_rows(response: Mapping[str, Any]) -> dict[str, Any]:
    """Year-by-year figures for the CSV download, unrounded, with the model's own field names."""
    rows, base = response["rows"], response["baseline_rows"]
    fields = list(rows[0].keys())
    band = response.get("uncertainty") or {}
    extra = [k for k in ("lac_low", "lac_high", "total_cost_low", "total_cost_high") if k in band]
    columns = [*fields, "baseline_lac", "baseline_total_cost", *extra]
    out = []
    for i, (r, b) in enumerate(zip(rows, base, strict=True)):
        out.append([*(r[f] for f in fields), b["lac"], b["total_cost"],
                    *(band[k][i] for k in extra)])
    return {"columns": columns, "rows": out}


def view(response: Mapping[str, Any]) -> dict[str, Any]:
    tables = [change_table(response), programmes_table(response), proposals_table(response),
              years_table(response)]
    return {
        "scenario": response["scenario"]["id"],
        "settings": response["parameters"],  # every setting the figures were computed with
        "errors": response["errors"],
        "band": bool(response.get("uncertainty")),
        "summary": summary(response),
        "chart": chart_columns(response),
        "tables": {t["id"]: t for t in tables},
        "compare": compare_figures(response),
        "headline": headline(response),
        "export": export_rows(response),
    }


def handle(request_json: str) -> str:
    """The Web Worker's entry point: a model request as JSON text in, the page's view out."""
    request = json.loads(request_json)
    return json.dumps(view(api.compute(request)), allow_nan=False, separators=(",", ":"))
