"""Atom feeds of the committee's meetings and of every status change, written at build time.

Links are relative to the feed's own address (Atom allows this), so the feeds work wherever the
site is published. Entry ids are name-based UUIDs, so an entry keeps its id from build to build
and a feed reader never shows it twice. Dates come from the papers, never from the build, so two
builds of the same content give the same feeds.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET

from sitegen.accessibility import site_name
from sitegen.content import Content
from sitegen.markdown import long_date
from sitegen.pages import record_view as rv
from sitegen.pages.meetings import meetings_newest_first, outstanding_for
from sitegen.records import Entry, Record, build_records
from sitegen.statuses import status_label
from sitegen.uris import FEED_MEETINGS, FEED_STATUSES, follow_ups_uri, meeting_uri

ATOM = "http://www.w3.org/2005/Atom"
SITE_NAME = site_name()  # mkdocs.yml says it, once
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "thurrock-childrens-scrutiny")

ET.register_namespace("", ATOM)


def _id(*parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).urn


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _href(feed_uri: str, page_uri: str, anchor: str | None = None) -> str:
    """A page's address relative to the feed (pages are served as folder/index.html)."""
    depth = feed_uri.count("/")
    target = page_uri.removesuffix(".md")
    target = target.removesuffix("index").rstrip("/") if target.endswith("index") else target
    href = "../" * depth + (target + "/" if target else "")
    return f"{href}#{anchor}" if anchor else href


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _feed(feed_uri: str, title: str, subtitle: str, alternate: str, updated: dt.date) -> ET.Element:
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    _sub(feed, "title", title)
    _sub(feed, "subtitle", subtitle)
    _sub(feed, "id", _id("feed", feed_uri))
    _sub(feed, "updated", _stamp(updated))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_uri.rsplit("/", 1)[-1])
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    author = _sub(feed, "author")
    _sub(author, "name", SITE_NAME)
    return feed


def _serialise(feed: ET.Element) -> str:
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def meetings_feed(content: Content) -> str:
    meetings = meetings_newest_first(content)
    entries = []
    for meeting in meetings:
        key = meeting.date.isoformat()
        minutes = content.minutes.get(key)
        # Updated when the last paper about it appeared: its minutes, in the next pack.
        updated = content.documents[minutes.source.doc].order_date if minutes else meeting.date
        due, reported, _ = outstanding_for(meeting, content)
        lines = []
        if meeting.briefing:
            lines += [f"- {p.text}" for p in meeting.briefing.things_to_know]
        if due:
            lines.append(f"{len(due)} records from earlier meetings were due by this meeting.")
        if reported:
            lines.append(f"Its papers report on {len(reported)} other earlier records.")
        follow_ups = [r for r in build_records(content)
                      if r.kind == "follow-up" and r.parent.meeting == meeting.date]
        if follow_ups:
            lines.append(f"{len(follow_ups)} follow-ups came out of it.")
        if not minutes:
            lines.append("Its minutes are not among our documents yet.")
        entries.append((updated, meeting, "\n".join(lines) or "No papers summarised yet."))
    feed = _feed(FEED_MEETINGS, f"{SITE_NAME}: meetings",
                 "Each meeting of Thurrock Council's Children's Services Overview and Scrutiny "
                 "Committee: the briefing, what was due, and its follow-ups.",
                 _href(FEED_MEETINGS, "meetings/index.md"), max(e[0] for e in entries))
    for updated, meeting, summary in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "title", f"Committee meeting, {long_date(meeting.date)}")
        _sub(entry, "id", _id("meeting", meeting.date.isoformat()))
        _sub(entry, "updated", _stamp(updated))
        _sub(entry, "published", _stamp(meeting.pack_published or meeting.date))
        _sub(entry, "link", rel="alternate", type="text/html",
             href=_href(FEED_MEETINGS, meeting_uri(meeting.date.isoformat())))
        if meeting.date.isoformat() in content.follow_ups:
            _sub(entry, "link", rel="related", type="text/html", title="Follow-ups",
                 href=_href(FEED_MEETINGS, follow_ups_uri(meeting.date.isoformat())))
        _sub(entry, "summary", summary, type="text")
    return _serialise(feed)


def status_changes(content: Content) -> list[tuple[Record, Entry, str | None]]:
    """Every entry that gives a record a status different from its previous one, oldest first."""
    changes = []
    for record in build_records(content):
        previous: str | None = None
        for entry in record.history:
            if entry.status and entry.status != previous:
                changes.append((record, entry, previous))
            if entry.status:
                previous = entry.status
    return sorted(changes, key=lambda c: (_published(c[1], content), c[0].ref))


def _published(entry: Entry, content: Content) -> dt.date:
    """When a status became public: the date of the paper that gives it."""
    return content.documents[entry.entry.source.doc].order_date


def status_feed(content: Content) -> str:
    changes = status_changes(content)
    newest = max(_published(c[1], content) for c in changes)
    feed = _feed(FEED_STATUSES, f"{SITE_NAME}: status changes",
                 "Every time a paper gives a recommendation, action or follow-up a new status, "
                 "with the paper's own words and where they are.",
                 _href(FEED_STATUSES, "tracker/index.md"), newest)
    for record, entry, previous in reversed(changes):
        e = entry.entry
        doc = content.documents[e.source.doc]
        title = f"{record.ref}: {status_label(e.status or '')}"
        if previous:
            title += f" (was {status_label(previous).lower()})"
        where = ", ".join(p for p in (doc.title, f"page {e.source.page}" if e.source.page else "",
                                      e.source.section or "") if p)
        summary = [record.row.action, "",
                   f"{rv.when(entry, content)}: {status_label(e.status or '')}, "
                   f"{rv.BASIS_LABELS[e.basis]}: \u201c{e.said}\u201d", f"Source: {where}"]
        if e.evidence:
            summary.append(f"Evidence: {e.evidence}")
        if doc.date is None:
            summary.append(f"The paper is undated: {doc.undated}")
        item = _sub(feed, "entry")
        _sub(item, "title", title)
        _sub(item, "id", _id("status", record.ref, e.source.doc, e.date.isoformat() if e.date else
                             (e.when or ""), e.status or ""))
        _sub(item, "updated", _stamp(_published(entry, content)))
        _sub(item, "link", rel="alternate", type="text/html",
             href=_href(FEED_STATUSES, record.parent.uri, record.anchor))
        _sub(item, "category", term=e.status or "", label=status_label(e.status or ""))
        _sub(item, "summary", "\n".join(summary), type="text")
    return _serialise(feed)
