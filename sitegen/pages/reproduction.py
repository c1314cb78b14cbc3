"""'How the model reproduces the report': every published figure beside the model's, cell by cell,
each judged at the precision the report prints it and classed by what a match shows; then the
2017 projections and their uncertainty bands beside every later count (the back-test)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from model import backtest
from model.forecast import run
from model.money import pounds
from model.parameters import PRESET_IDS, base_month, defaults
from model.reproduction import KINDS, VERDICTS, comparisons, summary
from sitegen.charts import BACKTEST_TITLE, backtest_chart, embed
from sitegen.content import Content
from sitegen.markdown import cell, link, plural, table, text

URI = "model/reproduction.md"
PRESET_LABELS = {
    "baseline-ons": "Baseline (ONS)",
    "population-growth-only": "Population growth only",
    "rising-lac": "Rising LAC",
    "falling-lac": "Falling LAC",
}
KIND_LABELS = {
    "calibrated": "Calibrated",
    "arithmetic": "The report's own arithmetic",
    "consistency": "Consistency",
    "method": "Method check",
    "forecast": "Forecast check",
}
VERDICT_LABELS = {"exact": "Exact", "explained": "Explained", "differs": "**Differs**"}


def format_figure(value: float, unit: str, *, precise: bool = False) -> str:
    """A modelled figure in the report's own unit, GOV.UK style."""
    if unit == "£M":
        return f"{'-' if value < 0 else ''}£{abs(value):,.{3 if precise else 2}f} million"
    if unit == "£":
        return pounds(value)
    if unit == "%":
        return f"{value:,.{2 if precise else 1}f}%"
    places = 2 if precise or not float(value).is_integer() else 0
    number = f"{value:,.{places}f}"
    return number if unit in ("children", "per 10,000") else f"{number} {unit}"


def page(content: Content) -> str:
    cells = comparisons()
    s = summary()
    independent = [c for c in cells if c["kind"] in ("method", "forecast")]
    parts = [
        "# How the model reproduces the report",
        f"The report publishes {s['cells']} figures that the model recomputes from its inputs. "
        "A match means more for some figures than for others, so each is put in one of five "
        "kinds, and each is judged at the precision the report prints it to: the model's "
        "“3.35” reproduces a printed “3.4”, but its “£1,534,781” does not reproduce a printed "
        "“£1,534,771”.",
        _kinds_table(s),
        f"Only the {plural(s['kinds']['method'], 'method check')} and the "
        f"{plural(s['kinds']['forecast'], 'forecast check')} test the model against figures it "
        f"was not built from: {sum(c['verdict'] == 'exact' for c in independent)} of these "
        f"{len(independent)} are exact at their printed precision and "
        f"{sum(c['verdict'] == 'explained' for c in independent)} more are explained exactly "
        "by the report's own figures. The calibrated figures were used to rebuild inputs, and "
        "the report's own arithmetic checks its sums, not the model.",
        "**Verdicts.** " + " ".join(f"*{VERDICT_LABELS[v].strip('*')}*: {meaning}."
                                    for v, meaning in VERDICTS.items()) +
        " Where more than one explanation gives a figure exactly, each is listed. No input was "
        "changed to make a figure fit.",
        f"How each input was rebuilt is explained in "
        f"[how the model works]({link(URI, 'model/method.md')}).",
    ]
    differs = [c for c in cells if c["verdict"] == "differs"]
    if differs:
        parts.append("## Figures the model does not give exactly, and why")
        for c in differs:
            parts.append(_admonition(c))
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in cells:
        by_table[c["table"]].append(c)
    parts.append("## Every published figure, cell by cell")
    for name, rows in by_table.items():
        parts.append(f"### {text(name)}")
        parts.append(f"Source: {text(_named(rows[0]['source'], content))}")
        parts.append(table(
            ["Row", "Column", "Printed", "Model", "Kind", "Verdict"],
            [[cell(c["row"]), cell(c["column"]), cell(c["printed"]),
              format_figure(c["model"], c["unit"], precise=True), KIND_LABELS[c["kind"]],
              VERDICT_LABELS[c["verdict"]]] for c in rows]))
        parts.append(f'??? note "The arithmetic for {cell(name)}"\n\n' + "\n".join(
            _arithmetic(c) for c in rows))
    parts += _backtest(content)
    return "\n\n".join(parts) + "\n"


def _kinds_table(s: dict[str, Any]) -> str:
    """The count of each kind and verdict (narrow enough for a phone), then what each kind
    means."""
    rows = []
    for kind in KINDS:
        verdicts = s["verdicts"][kind]
        rows.append([f"**{KIND_LABELS[kind]}**", str(s["kinds"][kind]),
                     str(verdicts["exact"]), str(verdicts["explained"]),
                     str(verdicts["differs"])])
    rows.append(["**All**", str(s["cells"]), str(s["exact"]), str(s["explained"]),
                 str(len(s["differs"]))])
    meanings = "\n".join(f"- **{KIND_LABELS[kind]}**: {text(meaning.split(': ', 1)[-1])}"
                          for kind, meaning in KINDS.items())
    return (table(["Kind", "Figures", "Exact", "Explained", "Differs"], rows)
            + "\n\nWhat a match shows, for each kind:\n\n" + meanings)


def _explanations(c: dict[str, Any]) -> list[str]:
    """The model's arithmetic, then every other explanation, each marked exact or not."""
    own = "exact" if c["verdict"] == "exact" else "not exact at the printed precision"
    lines = [f"The model ({own}): {text(c['explanation'])}"]
    for alt in c["alternatives"]:
        mark = "exact" if alt["exact"] else "not exact"
        lines.append(f"Another explanation ({mark}): {text(alt['text'])}")
    return lines


def _admonition(c: dict[str, Any]) -> str:
    several = len(c["exact_explanations"])
    count = (f" {several} explanations give it exactly, none from the report's own figures "
             "alone." if several > 1 else "")
    body = "\n\n".join(f"    {line}" for line in _explanations(c))
    return (f'!!! warning "{cell(c["table"])}: {cell(c["row"])}, {cell(c["column"])}"\n\n'
            f"    Printed {cell(c['printed'])}; model "
            f"{format_figure(c['model'], c['unit'], precise=True)} "
            f"({KIND_LABELS[c['kind']].lower()}).{count}\n\n{body}")


def _arithmetic(c: dict[str, Any]) -> str:
    head = (f"    - **{cell(c['row'])}, {cell(c['column'])}** ({KIND_LABELS[c['kind']].lower()}; "
            f"{VERDICT_LABELS[c['verdict']].strip('*').lower()}):")
    return "\n".join([head, *(f"        - {line}" for line in _explanations(c))])


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
    month = base_month()
    series = {PRESET_LABELS[pid]: [(dt.datetime(int(r["year"]), month, 1), float(r["lac"]))
                                   for r in rows if r["year"] <= 2027]
              for pid, rows in runs.items()}
    cover = backtest.coverage(settings)
    counts = cover["counts"]
    actuals = [(o["date"], float(o["lac"])) for o in counts]
    description = ("Line chart of looked-after children projected by the four 2017 scenarios, "
                   "2017 to 2027, drawn as dashed lines with hollow squares at each August; the "
                   "counts later papers reported are filled dots. The tables below give every "
                   "value and each scenario's uncertainty band.")
    low, high = (f"{q:g}" for q in cover["percentiles"])
    projected = [[_month(o["date"]), f"**{o['lac']:,.0f}**",
                  *(_band_cell(o["by_preset"].get(pid)) for pid in PRESET_IDS),
                  cell(_named("; ".join(f"{s['document']}: {s['where']}" for s in o["sources"]),
                              content))] for o in counts]
    tally = [[PRESET_LABELS[pid], f"{t['covered']} of {t['counts']}"]
             for pid, t in cover["summary"].items()]
    return [
        "## Back-test: the 2017 projections against what happened",
        f"Later committee papers give {len(counts)} counts of looked-after children after "
        "the model's starting point, August 2017 (a count two papers give for the same month "
        "is counted once). The dashed lines are the four "
        "scenarios as the model computes them (the report's method, from August 2017); the "
        "dots are the counts. A count from another month is set against the straight line "
        "between the two August positions around it.",
        embed(backtest_chart(series, actuals), description, caption=BACKTEST_TITLE),
        f"Each cell gives the projection, then its uncertainty band ({low}th to {high}th "
        f"percentile of {cover['samples']:,} runs, as the explorer computes it with the "
        "report's settings), and whether the band holds the count. None of these counts was "
        "used to set an input or a range of the band: they only test it.",
        table(["When", "Counted", *PRESET_LABELS.values(), "Reported in"], projected),
        "How many later counts each scenario's band holds:",
        table(["Scenario", "Counts inside the band"], tally),
        _verdict(counts),
    ]


def _band_cell(entry: dict[str, Any] | None) -> str:
    if entry is None:
        return ""
    inside = "inside" if entry["covered"] else "**outside**"
    return (f"{entry['central']:,.0f} (band {entry['low']:,.0f} to {entry['high']:,.0f}; "
            f"{inside})")


def _verdict(counts: list[dict[str, Any]]) -> str:
    """Plain sentences on what the back-test shows, from the numbers."""
    latest = counts[-1]
    projected = {PRESET_LABELS[pid]: p for pid, p in latest["by_preset"].items()}
    below = [name for name, p in projected.items() if latest["lac"] < p["central"]]
    held = [name for name, p in projected.items() if p["covered"]]
    if len(below) == len(projected):
        where = "lower than every scenario's projection for that month"
    elif not below:
        where = "higher than every scenario's projection for that month"
    else:
        where = "lower than the projections of the " + ", ".join(below) + " scenarios"
    inside = ("only the " + " and ".join(held) + " band holds it" if held
              else "no scenario's band holds it")
    observed = {o["date"]: o for o in backtest.observations() if "uasc" in o and "lac" in o}
    start, autumn = observed.get("2017-08"), observed.get("2017-11")
    early = [c for c in counts if c["date"].startswith("2017")]
    autumn_text = ""
    if start and autumn:
        autumn_text = (
            f" From August to November 2017 the count fell from {start['lac']} to "
            f"{autumn['lac']}, and unaccompanied asylum-seeking children from {start['uasc']} to "
            f"{autumn['uasc']}: the fall was in them, whom the band lets settle only gradually, "
            f"over two years, so the bands, which start with no width in August 2017, hold "
            f"{sum(any(p['covered'] for p in c['by_preset'].values()) for c in early)} of those "
            f"{len(early)} autumn counts in any scenario.")
    return (
        f"The latest count, {latest['lac']:,.0f} looked-after children in "
        f"{_month(latest['date'])}, is {where}, and {inside}.{autumn_text} The scenarios show "
        "what would happen if trends continued with no change in policy, in constant prices; "
        "the band shows how far the inputs' known uncertainty could move them, not every "
        "month-to-month change."
    )
