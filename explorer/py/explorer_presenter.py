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
def _round(x: float, places: int = 0) -> float:
    """Half away from zero (as the page's JavaScript does), not Python's half-to-even."""
    scale = 10.0**places
    return math.copysign(math.floor(abs(x) * scale + 0.5) / scale, x)


def count(x: float | None) -> str:
    """Children, families, places: a whole number with thousands separators."""
    if x is None:
        return "—"
    return f"{int(_round(x)):,}"


def decimal(x: float | None, places: int = 1) -> str:
    if x is None:
        return "—"
    return f"{_round(x, places) + 0.0:,.{places}f}"  # + 0.0: no "-0.0"


def money_m(x: float | None) -> str:
    """£ in millions to 2 decimals with the sign first, as the report prints: '-£0.44M'."""
    if x is None:
        return "—"
    m = _round(x / 1e6, 2)
    sign = "-" if m < 0 else ""
    return f"{sign}£{abs(m):,.2f}M"


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
    if x is None:
        return "—"
    p = _round(x)
    sign = "-" if p < 0 else ""
    return f"{sign}£{int(abs(p)):,}"


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
    """The report's 'Projected changes in LAC costs' table: rows of £M after 3, 5 and 10 years
    from the starting year, with the uncertainty band on the change when it has been computed."""
    source = response["change_table"]
    start_year = source.get("start_year", BASE_YEAR)
    rows = [[_text(row["label"]), *[_cell(v, money_m(None if v is None else v * 1e6))
                                    for v in row["values"]]]
            for row in source["rows"]]
    band = source.get("band")
    if band:  # two rows of single figures, so the table stays as narrow as the others
        for place, (bound, words) in enumerate((("high", "high (95th percentile)"),
                                                ("low", "low (5th percentile)")), start=1):
            rows.insert(place, [_text(f"Uncertainty band on your settings, {words}"),
                                *[_cell(None if v is None else v * 1e6,
                                        money_m(None if v is None else v * 1e6))
                                  for v in band[bound]]])
    published = source.get("published")
    label = response["scenario"]["report_label"]
    if published:
        rows.append([_text(f"{label} (published in the report)"),
                     *[_cell(v, money_m(v * 1e6)) for v in published]])
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
        f"{decimal(discount, 1).removesuffix('.0')}% a year (HM Treasury Green Book) to {start}.")


def _programme_row(p: Mapping[str, Any], label: str | None = None,
                   scale: str | None = None) -> list[Cell]:
    if scale is None:
        scale = f"{decimal(p['capacity'], 1).removesuffix('.0')} {p['capacity_unit']}"
    first = p["first_year"]
    cumulative = p["totals"]["cash"]["net_savings"]
    real = p["totals"]["real"]["net_savings"]
    cumulative_text = money_m(cumulative)
    if money_m(real) != cumulative_text:  # inflation is set: say what it is at 2017 prices too
        cumulative_text += f"; {money_m(real)} at 2017 prices"
    return [
        _text(label or p["label"]),
        _cell(p.get("capacity"), scale),
        _cell(first["cost"], pounds(first["cost"])),
        _cell(p["children_prevented"], decimal(p["children_prevented"], 1)),
        _cell(first["gross_savings"], pounds(first["gross_savings"])),
        _cell(first["net_savings"], pounds(first["net_savings"])),
        _cell(cumulative, cumulative_text),
        _cell(p["payback"], payback_text(p["payback"])),
        _cell(p["npv"], money_m(p["npv"])),
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


def years_table(response: Mapping[str, Any]) -> Table:
    """Year by year: the table alternative to both charts."""
    rows, base = response["rows"], response["baseline_rows"]
    month = (response.get("start") or {}).get("month", "August")
    lows, highs = _band(response, "lac_low"), _band(response, "lac_high")
    clows, chighs = _band(response, "total_cost_low"), _band(response, "total_cost_high")
    out = []
    for i, (r, b) in enumerate(zip(rows, base, strict=True)):
        lac_range = "—" if lows[i] is None else f"{count(lows[i])} to {count(highs[i])}"
        cost_range = "—" if clows[i] is None else f"{money_m(clows[i])} to {money_m(chighs[i])}"
        out.append([
            _cell(r["year"], str(int(r["year"]))),
            _cell(r["child_population"], count(r["child_population"])),
            _cell(r["non_uasc_rate"], decimal(r["non_uasc_rate"], 1)),
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
        "caption": f"Looked-after children in {month} of each year (the month the report's "
                   f"2017 figures describe) and the year's cost, from {start_label(response)} "
                   "(the figures in the charts)",
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
        "notes": [band_note(response)],
    }


def key_figures(response: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The figures set side by side when comparing two scenarios."""
    rows, base = response["rows"], response["baseline_rows"]
    last = rows[-1]
    end = int(last["year"])
    figures: list[dict[str, Any]] = [
        {"id": "lac_end", "label": f"Looked-after children in {end}", "kind": "count",
         "v": last["lac"]},
        {"id": "cost_end", "label": f"Cost of care in {end}", "kind": "money_m",
         "v": last["total_cost"]},
        {"id": "net_end", "label": f"Net cost in {end} (with programme costs)",
         "kind": "money_m", "v": last["net_cost"]},
        {"id": "saved_end", "label": f"Cost of care saved against doing nothing, {end}",
         "kind": "money_m", "v": base[-1]["total_cost"] - last["total_cost"]},
    ]
    change = response["change_table"]["rows"][0]["values"]
    for h, v in zip(HORIZONS, change, strict=True):
        figures.append({"id": f"change_{h}", "label": f"Change in cost after {h} years",
                        "kind": "money_m", "v": None if v is None else v * 1e6})
    programmes = response["programmes"].values()
    together = response["programmes_together"]
    figures.append({"id": "prog_cost", "label": "Programmes: cost in their first year",
                    "kind": "money", "v": together["first_year"]["cost"]})
    figures.append({"id": "prog_net", "label": "Programmes: net savings in their first year",
                    "kind": "money", "v": together["first_year"]["net_savings"]})
    figures.append({"id": "prog_total", "label": f"Programmes: net savings to {end}",
                    "kind": "money_m", "v": together["totals"]["cash"]["net_savings"]})
    figures.append({"id": "prog_npv", "label": "Programmes: net present value",
                    "kind": "money_m", "v": together["npv"]})
    figures.append({"id": "prog_children",
                    "label": "Programmes: children kept out of care a year", "kind": "decimal",
                    "v": math.fsum(p["children_prevented"] for p in programmes)})
    for f in figures:
        f["t"] = format_kind(f["kind"], f["v"])
    return figures


def format_kind(kind: str, value: float | None) -> str:
    if kind == "count":
        return count(value)
    if kind == "money_m":
        return money_m(value)
    if kind == "money":
        return pounds(value)
    return decimal(value, 1)


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
    start = response.get("start") or {}
    if start.get("observed"):
        label += f", starting from {count(start['lac'])} children in care in {start['year']}"
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
        "values": response["parameters"],
        "errors": response["errors"],
        "start": start_label(response),
        "guard_rails": response.get("guard_rails", []),
        "band": bool(response.get("uncertainty")),
        "summary": summary(response),
        "chart": chart_columns(response),
        "tables": {t["id"]: t for t in tables},
        "key": key_figures(response),
        "export": export_rows(response),
    }


def handle(request_json: str) -> str:
    """The Web Worker's entry point: a model request as JSON text in, the page's view out."""
    request = json.loads(request_json)
    return json.dumps(view(api.compute(request)), allow_nan=False, separators=(",", ":"))
