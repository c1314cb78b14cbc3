"""Everything generated for one build: pages, assets, navigation and abbreviations."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.build import explorer_site
from sitegen.charts import BOKEH_JS, BOKEH_JS_URI
from sitegen.content import Content, load_content
from sitegen.pages import (
    action_plans,
    glossary,
    home,
    indicators,
    meetings,
    reports,
    reproduction,
    sources,
    topics,
)
from sitegen.uris import ALL_ACTIONS, SOURCES, indicator_uri, meeting_uri, plan_uri, report_uri
from sitegen.uris import topic_uri as topic_page_uri

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"  # hand-written pages


@dataclass
class SiteBuild:
    content: Content
    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, str | bytes | Path] = field(default_factory=dict)
    nav: list[Any] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    home_briefings: str = ""
    # Sections of hand-written pages filled in from content: page -> {marker: Markdown}.
    fills: dict[str, dict[str, str]] = field(default_factory=dict)


def build_site() -> SiteBuild:
    content = load_content()
    site = SiteBuild(content=content)
    _add_meetings(site)
    _add_reports(site)
    _add_action_plans(site)
    _add_indicators(site)
    _add_topics(site)
    site.pages[glossary.URI] = glossary.page(content)
    site.abbreviations = glossary.abbreviations(content)
    site.pages[SOURCES] = sources.page(content)
    site.pages[reproduction.URI] = reproduction.page(content)
    site.home_briefings = home.meeting_briefings(content)
    site.fills["index.md"] = {home.MARKER: site.home_briefings}
    explorer = explorer_site(BOKEH_JS_URI, site.abbreviations)
    site.pages.update(explorer.pages)
    site.assets.update(explorer.assets)
    site.nav = _nav(site)
    return site


def _add_meetings(site: SiteBuild) -> None:
    site.pages[meetings.INDEX] = meetings.index_page(site.content)
    for key, meeting in site.content.meetings.items():
        site.pages[meeting_uri(key)] = meetings.meeting_page(meeting, site.content)


def _add_reports(site: SiteBuild) -> None:
    site.pages[reports.INDEX] = reports.index_page(site.content)
    for report in site.content.reports.values():
        site.pages[report_uri(report.id)] = reports.report_page(report, site.content)


def _add_action_plans(site: SiteBuild) -> None:
    site.pages[action_plans.INDEX] = action_plans.index_page(site.content)
    site.pages[ALL_ACTIONS] = action_plans.all_actions_page(site.content)
    for plan in site.content.action_plans.values():
        site.pages[plan_uri(plan.id)] = action_plans.plan_page(plan, site.content)


def _add_indicators(site: SiteBuild) -> None:
    site.pages[indicators.INDEX] = indicators.index_page(site.content)
    for indicator in indicators.indicators_with_points(site.content):
        markdown, csv_text = indicators.indicator_page(indicator, site.content)
        site.pages[indicator_uri(indicator.id)] = markdown
        site.assets[f"indicators/{indicator.id}.csv"] = csv_text
    site.assets[BOKEH_JS_URI] = BOKEH_JS


def _add_topics(site: SiteBuild) -> None:
    site.pages[topics.INDEX] = topics.index_page(site.content)
    for topic in topics.topics_in_use(site.content):
        site.pages[topic_page_uri(topic)] = topics.topic_page(topic, site.content)


def _nav(site: SiteBuild) -> list[Any]:
    """The whole navigation, in the order a councillor looks for things."""
    content = site.content
    nav: list[Any] = [
        {"Home": "index.md"},
        {"Meetings": meetings.nav(content)},
        {"Reports": reports.nav(content)},
        {"Action plans": action_plans.nav(content)},
        {"Indicators": indicators.nav(content)},
        {"Topics": topics.nav(content)},
    ]
    if "explorer/index.md" in site.pages:
        nav.append({"Scenario explorer": "explorer/index.md"})
    model_pages = [page for page in ("model/index.md", "model/method.md", "model/reproduction.md")
                   if page in site.pages or (DOCS_DIR / page).exists()]
    if model_pages:
        nav.append({"The model": model_pages})
    nav += [{"Glossary": "glossary.md"}, {"Sources": SOURCES}]
    return nav
