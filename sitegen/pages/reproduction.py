"""'How the model reproduces the report': every published figure beside the model's, cell by cell,
and the 2017 projections beside what later papers reported (the back-test)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from model import backtest
from model.forecast import run
from model.parameters import PRESET_IDS, defaults
from model.reproduction import comparisons
from sitegen.charts import BACKTEST_TITLE, backtest_chart, embed
from sitegen.content import Content
from sitegen.markdown import cell, link, table, text

URI = "model/reproduction.md"
PRESET_LABELS = {
    "baseline-ons": "Baseline (ONS)",
    "population-growth-only": "Population growth only",
    "rising-lac": "Rising LAC",
    "falling-lac": "Falling LAC",
}
KIND_LABELS = {"calibration": "Calibration", "check": "Check"}


def format_figure(value: float, unit: str, *, precise: bool = False) -> str:
    """A published or modelled figure in the report's own unit, GOV.UK style."""
    if unit == "£M":
        return f"{'-' if value < 0 else ''}£{abs(value):,.{3 if precise else 2}f} million"
    if unit == "£":
        return f"{'-' if value < 0 else ''}£{abs(value):,.0f}"
    if unit == "%":
        return f"{value:,.{2 if precise else 1}f}%"
    places = 2 if precise or not float(value).is_integer() else 0
    number = f"{value:,.{places}f}"
    return number if unit in ("children", "per 10,000") else f"{number} {unit}"


def page(content: Content) -> str:
    cells = comparisons()
    reproduced = [c for c in cells if c["ok"]]
    calibration = [c for c in cells if c["kind"] == "calibration"]
    checks = [c for c in cells if c["kind"] == "check"]
    parts = [
        "# How the model reproduces the report",
        f"The model recomputes every figure the report publishes from its inputs. **{len(reproduced)} "
        f"of {len(cells)} published figures are reproduced** within tolerance: £0.05 million on "
        "figures in £ million, one percentage point on percentages and 1% on everything else. "
        f"The other {len(cells) - len(reproduced)} are explained below; none is forced to match.",
        "Two kinds of cell are shown. **Calibration** cells were used to rebuild an input the "
        f"report does not print (for example the child population projection): {len(calibration)} "
        "cells. Matching them shows the rebuilt input is consistent, not that the method is right. "
        f"**Check** cells were not used to build anything: {len(checks)} cells, of which "
        f"{sum(c['ok'] for c in checks)} are reproduced. They are the real test of the method.",
        f"How each input was rebuilt is explained in [how the model works]({link(URI, 'model/method.md')}).",
    ]
    failures = [c for c in cells if not c["ok"]]
    if failures:
        parts.append("## Figures the model does not reproduce, and why")
        for c in failures:
            parts.append(
                f'!!! warning "{cell(c["table"])}: {cell(c["row"])}, {cell(c["column"])}"\n\n'
                f"    Published {format_figure(c['published'], c['unit'])}; model "
                f"{format_figure(c['model'], c['unit'], precise=True)}.\n\n    {text(c['explanation'])}")
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cells:
        by_table[c["table"]].append(c)
    parts.append("## Every published figure, cell by cell")
    for name, rows in by_table.items():
        parts.append(f"### {text(name)}")
        parts.append(f"Source: {text(_named(rows[0]['source'], content))}")
        parts.append(table(
            ["Row", "Column", "Published", "Model", "Kind", "Reproduced"],
            [[cell(c["row"]), cell(c["column"]), format_figure(c["published"], c["unit"]),
              format_figure(c["model"], c["unit"], precise=True), KIND_LABELS[c["kind"]],
              "Yes" if c["ok"] else "**No**"] for c in rows]))
        parts.append(f'??? note "The arithmetic for {cell(name)}"\n\n' + "\n".join(
            f"    - **{cell(c['row'])}, {cell(c['column'])}:** {text(c['explanation'])}" for c in rows))
    parts += _backtest(content)
    return "\n\n".join(parts) + "\n"


def _named(where: str, content: Content) -> str:
    """Document ids in the model's source notes, replaced by the documents' short names."""
    for doc in content.documents.values():
        where = where.replace(doc.id, doc.short)
    return where


def _month(when: str) -> str:
    year, _, month = when.partition("-")
    return dt.date(int(year), int(month), 1).strftime("%B %Y") if month else year


def _backtest(content: Content) -> list[str]:
    settings = defaults()
    runs = {pid: run(pid, settings) for pid in PRESET_IDS}
    observed = [o for o in backtest.compare(settings) if "lac" in o]
    series = {PRESET_LABELS[pid]: [(int(r["year"]), float(r["lac"])) for r in rows if r["year"] <= 2027]
              for pid, rows in runs.items()}
    actuals = [(o["date"], float(o["lac"])) for o in observed]
    rows = [[_month(o["date"]), f"**{o['lac']:,.0f}**",
             *(f"{o['projections'][pid]['lac']:,.0f}" if pid in o["projections"] else ""
               for pid in PRESET_IDS),
             cell(_named(f"{o['document']}: {o['where']}", content))] for o in observed]
    description = ("Line chart of looked-after children projected by the four 2017 scenarios, 2017 "
                   "to 2027, with the numbers later papers reported as points. The table below "
                   "gives every value.")
    return [
        "## Back-test: the 2017 projections against what happened",
        "Later committee papers report actual numbers of looked-after children. The dashed lines "
        "are the four scenarios as the model computes them (the report's own method); the dots "
        "are the actual numbers.",
        embed(backtest_chart(series, actuals), description, caption=BACKTEST_TITLE),
        table(["When", "Actual", *PRESET_LABELS.values(), "Reported in"], rows),
        _verdict(observed[-1]),
    ]


def _verdict(latest: dict[str, Any]) -> str:
    """One plain sentence on the latest actual figure against the scenarios, from the numbers."""
    projected = {PRESET_LABELS[pid]: p["lac"] for pid, p in latest["projections"].items()}
    below = [name for name, value in projected.items() if latest["lac"] < value]
    if len(below) == len(projected):
        where = "lower than every scenario's projection for that year"
    elif not below:
        where = "higher than every scenario's projection for that year"
    else:
        where = "lower than the projections of the " + ", ".join(below) + " scenarios"
    return (f"The latest actual figure, {latest['lac']:,.0f} looked-after children in "
            f"{_month(latest['date'])}, is {where}. The scenarios show what would happen if trends "
            "continued with no change in policy, in constant prices.")
