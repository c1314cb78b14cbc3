"""One page per topic: the reports, action plans and indicators about it, across all meetings."""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, link, long_date, table
from sitegen.pages.indicators import indicators_with_points
from sitegen.pages.reports import reports_in_order
from sitegen.pages.tracker import topic_summary
from sitegen.records import build_records
from sitegen.topics import TOPIC_LABELS
from sitegen.uris import indicator_uri, report_uri, topic_uri

INDEX = "topics/index.md"


def topics_in_use(content: Content) -> list[str]:
    used = {t for r in content.reports.values() for t in r.topics}
    used |= {t for r in build_records(content) for t in r.topics}
    used |= {i.topic for i in indicators_with_points(content)}
    return sorted(used, key=lambda t: TOPIC_LABELS[t])


def index_page(content: Content) -> str:
    rows = []
    for topic in topics_in_use(content):
        reports = sum(topic in r.topics for r in content.reports.values())
        indicators = sum(i.topic == topic for i in indicators_with_points(content))
        rows.append([f"[{TOPIC_LABELS[topic]}]({link(INDEX, topic_uri(topic))})",
                     str(reports), str(indicators)])
    return "\n\n".join(["# Browse by topic",
                        "Everything the papers say about one subject, across all meetings.",
                        table(["Topic", "Reports", "Indicators"], rows)]) + "\n"


def topic_page(topic: str, content: Content) -> str:
    uri = topic_uri(topic)
    parts = [f"# {TOPIC_LABELS[topic]}"]
    reports = [r for r in reports_in_order(content) if topic in r.topics]
    if reports:
        parts.append("## Reports")
        parts.append(table(["Report", "When", "What it is for"], [[
            f"[{cell(r.title)}]({link(uri, report_uri(r.id))})",
            long_date(r.meeting) if r.meeting else "Standalone",
            cell(r.purpose)] for r in reports]))
    summary = topic_summary(topic, content, uri)
    if summary:
        parts.append("## Recommendations, actions and follow-ups")
        parts.append(summary)
        lists = {r.parent.key: r.parent for r in build_records(content) if topic in r.topics}
        parts.append("\n".join(f"- [{cell(rl.title)}]({link(uri, rl.uri)})"
                               for rl in sorted(lists.values(), key=lambda rl: rl.as_at, reverse=True)))
    indicators = [i for i in indicators_with_points(content) if i.topic == topic]
    if indicators:
        parts.append("## Indicators")
        parts.append("\n".join(f"- [{cell(i.title)}]({link(uri, indicator_uri(i.id))})"
                               for i in indicators))
    return "\n\n".join(parts) + "\n"


def nav(content: Content) -> list[object]:
    return [INDEX, *({TOPIC_LABELS[t]: topic_uri(t)} for t in topics_in_use(content))]
