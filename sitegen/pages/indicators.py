"""Indicator pages: a chart, the same figures as a table, a CSV download, and every point's source."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from sitegen.charts import chart_points, embed, indicator_chart, off_scale_areas
from sitegen.content import Content
from sitegen.markdown import cell, cite, link, table, text
from sitegen.schema import Indicator, IndicatorPoint
from sitegen.topics import TOPIC_LABELS
from sitegen.uris import indicator_uri, topic_uri

INDEX = "indicators/index.md"
KIND_LABELS = {"actual": "Actual", "projection": "Projection", "target": "Target"}


def format_value(value: float, unit: str) -> str:
    """GOV.UK style numbers: 1,234; 66.7%; £6 million."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return {
        "percent": f"{number}%",
        "gbp": f"£{number}",
        "gbp-million": f"£{number} million",
        "days": f"{number} days",
        "weeks": f"{number} weeks",
    }.get(unit, number)


def points_by_indicator(content: Content) -> dict[str, list[IndicatorPoint]]:
    grouped: dict[str, list[IndicatorPoint]] = defaultdict(list)
    for point in content.points:
        grouped[point.indicator].append(point)
    return grouped


def indicators_with_points(content: Content) -> list[Indicator]:
    grouped = points_by_indicator(content)
    return [i for i in content.indicators.values() if grouped.get(i.id)]


def latest_thurrock(points: list[IndicatorPoint]) -> IndicatorPoint | None:
    actual = [p for p in chart_points(points) if p.area == "Thurrock" and p.kind == "actual"]
    return actual[-1] if actual else None


def index_page(content: Content) -> str:
    grouped = points_by_indicator(content)
    parts = ["# Indicators over time",
             "Figures that recur across the committee's papers, each with a chart, a table, a "
             "download and the page it came from. Projections from the 2017 public health report "
             "are drawn with dashed lines."]
    by_topic: dict[str, list[Indicator]] = defaultdict(list)
    for indicator in indicators_with_points(content):
        by_topic[indicator.topic].append(indicator)
    for topic in sorted(by_topic, key=lambda t: TOPIC_LABELS[t]):
        parts.append(f"## {TOPIC_LABELS[topic]}")
        rows = []
        for indicator in by_topic[topic]:
            latest = latest_thurrock(grouped[indicator.id])
            rows.append([
                f"[{cell(indicator.title)}]({link(INDEX, indicator_uri(indicator.id))})",
                format_value(latest.value, indicator.unit) if latest else "",
                cell(latest.period) if latest else "",
                str(len({p.period_end for p in grouped[indicator.id]})),
            ])
        parts.append(table(["Indicator", "Latest for Thurrock", "Period", "Points in time"], rows))
    return "\n\n".join(parts) + "\n"


def indicator_page(indicator: Indicator, content: Content) -> tuple[str, str]:
    """The page's Markdown and its CSV download."""
    uri = indicator_uri(indicator.id)
    points = sorted(points_by_indicator(content)[indicator.id],
                    key=lambda p: (p.period_end, p.area != "Thurrock", p.area, p.kind))
    formatted = {id(p): format_value(p.value, indicator.unit) for p in points}
    source_names = {d.id: d.short for d in content.documents.values()}
    chart = indicator_chart(indicator, points, source_names, formatted)
    areas = sorted({p.area for p in points}, key=lambda a: (a != "Thurrock", a))
    description = (f"Line chart of {indicator.title} for {', '.join(areas)}, "
                   f"{points[0].period} to {points[-1].period}. The table below gives every value.")
    csv_name = f"{indicator.id}.csv"
    parts = [
        f"# {text(indicator.title)}",
        f"{text(indicator.description)}  \n**Topic:** [{TOPIC_LABELS[indicator.topic]}]"
        f"({link(uri, topic_uri(indicator.topic))})"
        + ("" if indicator.higher_is_better is None else
           f"  \n**Better when:** {'higher' if indicator.higher_is_better else 'lower'}"),
        embed(chart, description, caption=indicator.title),
        "Solid lines are actual figures; dashed lines are projections and dotted lines targets. "
        "Where two documents give different values for the same period, the chart uses the later "
        "document and the table shows both." + _off_scale_note(points),
        f"[Download these figures (CSV)]({csv_name}){{ .md-button }}",
        "## The figures",
        table(["Period", "Area", "Value", "Type", "Source", "Note"], [
            [cell(p.period), cell(p.area), formatted[id(p)], KIND_LABELS[p.kind],
             cite(p.source_ref(), content, uri), cell(p.note)] for p in points]),
    ]
    disagreements = _disagreements(points)
    if disagreements:
        parts.append('!!! warning "The papers give different figures for the same period"\n\n'
                     + "\n".join(f"    - {cell(d)}" for d in disagreements))
    return "\n\n".join(parts) + "\n", _csv(indicator, points, content)


def _off_scale_note(points: list[IndicatorPoint]) -> str:
    hidden = off_scale_areas(points)
    if not hidden:
        return ""
    return (f" {' and '.join(hidden)} {'is' if len(hidden) == 1 else 'are'} on a much larger scale "
            f"than Thurrock, so {'it is' if len(hidden) == 1 else 'they are'} in the table only.")


def _disagreements(points: list[IndicatorPoint]) -> list[str]:
    seen: dict[tuple[str, str, str], set[float]] = defaultdict(set)
    for p in points:
        seen[(p.area, p.period, p.kind)].add(p.value)
    return [f"{area}, {period}: " + " and ".join(f"{v:g}" for v in sorted(values))
            for (area, period, _), values in seen.items() if len(values) > 1]


def _csv(indicator: Indicator, points: list[IndicatorPoint], content: Content) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["indicator", "title", "unit", "area", "period", "period_end", "value", "type",
                     "document", "page", "section", "note"])
    for p in points:
        writer.writerow([indicator.id, indicator.title, indicator.unit, p.area, p.period,
                         p.period_end.isoformat(), f"{p.value:g}", p.kind,
                         content.documents[p.doc].title, p.page or "", p.section or "",
                         p.note or ""])
    return out.getvalue()


def nav(content: Content) -> list[object]:
    return [INDEX, *({i.title: indicator_uri(i.id)} for i in indicators_with_points(content))]
