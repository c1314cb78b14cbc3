"""Everything generated for one build: pages, assets, navigation and abbreviations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.build import ExplorerSite, explorer_site
from sitegen import accessibility as a11y
from sitegen import feeds
from sitegen.charts import BOKEH_JS, BOKEH_JS_URI
from sitegen.content import Content, load_content
from sitegen.markdown import long_date
from sitegen.pages import (
    accessibility,
    action_plans,
    glossary,
    home,
    indicators,
    meetings,
    reports,
    reproduction,
    sources,
    topics,
    tracker,
)
from sitegen.records import record_lists
from sitegen.titles import with_title
from sitegen.uris import (
    FEED_MEETINGS,
    FEED_STATUSES,
    SOURCES,
    TRACKER,
    TRACKER_CSV,
    TRACKER_HISTORY_CSV,
    indicator_uri,
    meeting_uri,
    report_uri,
    source_uri,
)
from sitegen.uris import topic_uri as topic_page_uri
from sitegen.vendored import without_cdn

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


def build_site(content: Content | None = None,
               explorer: ExplorerSite | None = None) -> SiteBuild:
    """Every generated page and asset. `make serve` passes what it already has (the content, the
    explorer's page and files) when an edit did not change it."""
    content = load_content() if content is None else content
    site = SiteBuild(content=content)
    _add_meetings(site)
    _add_reports(site)
    _add_follow_through(site)
    _add_indicators(site)
    _add_topics(site)
    site.pages[glossary.URI] = glossary.page(content)
    site.abbreviations = glossary.abbreviations(content)
    _add_sources(site)
    _add_feeds(site)
    site.pages[reproduction.URI] = reproduction.page(content)
    results = a11y.load_results() if a11y.RESULTS.exists() else None  # until the tests first write it
    site.pages[accessibility.URI] = accessibility.page(content, a11y.load_statement(), results,
                                                       a11y.site_name())
    site.home_briefings = home.meeting_briefings(content)
    site.fills["index.md"] = {home.MARKER: site.home_briefings}
    explorer = explorer_site(BOKEH_JS_URI, site.abbreviations) if explorer is None else explorer
    site.pages.update(explorer.pages)
    site.assets.update(explorer.assets)
    site.pages = {uri: with_title(markdown) for uri, markdown in site.pages.items()}
    site.nav = _nav(site)
    return site


def _add_meetings(site: SiteBuild) -> None:
    site.pages[meetings.INDEX] = meetings.index_page(site.content)
    for key, meeting in site.content.meetings.items():
        site.pages[meeting_uri(key)] = meetings.meeting_page(meeting, site.content)


def _add_reports(site: SiteBuild) -> None:
    site.pages[reports.INDEX] = reports.index_page(site.content)
    names = Counter(report.title for report in site.content.reports.values())
    for report in site.content.reports.values():
        markdown = reports.report_page(report, site.content)
        if names[report.title] > 1:  # a regular report: its title says which meeting's
            when = long_date(report.meeting) if report.meeting else site.content.documents[report.doc].short
            markdown = with_title(markdown, qualifier=when)
        site.pages[report_uri(report.id)] = markdown


def _add_follow_through(site: SiteBuild) -> None:
    """The tracker, its CSVs, and a page for every plan, list and meeting's follow-ups."""
    site.pages[TRACKER] = tracker.page(site.content)
    site.assets[TRACKER_CSV] = tracker.csv_text(site.content)
    site.assets[TRACKER_HISTORY_CSV] = tracker.history_csv_text(site.content)
    site.pages[action_plans.INDEX] = action_plans.index_page(site.content)
    for rl in record_lists(site.content):
        site.pages[rl.uri] = action_plans.list_page(rl, site.content)


def _add_sources(site: SiteBuild) -> None:
    site.pages[SOURCES] = sources.index_page(site.content)
    for doc in site.content.documents.values():
        site.pages[source_uri(doc.id)] = sources.document_page(doc, site.content)


def _add_feeds(site: SiteBuild) -> None:
    site.assets[FEED_MEETINGS] = feeds.meetings_feed(site.content)
    site.assets[FEED_STATUSES] = feeds.status_feed(site.content)


def _add_indicators(site: SiteBuild) -> None:
    site.pages[indicators.INDEX] = indicators.index_page(site.content)
    for indicator in indicators.indicators_with_points(site.content):
        markdown, csv_text = indicators.indicator_page(indicator, site.content)
        site.pages[indicator_uri(indicator.id)] = markdown
        site.assets[f"indicators/{indicator.id}.csv"] = csv_text
    site.assets[BOKEH_JS_URI] = without_cdn(BOKEH_JS)


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
        {"Follow-through": action_plans.nav(content)},
        {"Indicators": indicators.nav(content)},
        {"Topics": topics.nav(content)},
    ]
    if "explorer/index.md" in site.pages:
        nav.append({"Scenario explorer": "explorer/index.md"})
    model_pages = [page for page in ("model/index.md", "model/method.md", "model/reproduction.md")
                   if page in site.pages or (DOCS_DIR / page).exists()]
    if model_pages:
        nav.append({"The model": model_pages})
    nav += [{"Glossary": "glossary.md"}, {"Sources": sources.nav(content)},
            {"Accessibility": accessibility.URI}]
    return nav
