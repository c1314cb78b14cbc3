"""The follow-through tracker: every record in one table, in the shape scrutiny trackers use.

Reference, origin, date, area, recommendation, lead officer, action taken, status and evidence,
as the Centre for Governance and Scrutiny's trackers lay them out; roll-ups by plan, topic and
meeting that say what they count; filters (JavaScript) over a table that is complete without
them; and CSV downloads of the records and of every status in their histories.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from urllib.parse import urlencode

from sitegen.content import Content
from sitegen.markdown import attr, cell, cite, link, long_date, plural, short_date, table
from sitegen.pages import record_view as rv
from sitegen.records import (
    FOLLOW_THROUGH,
    KIND_LABELS,
    NOT_STATED,
    PROVENANCE_LABELS,
    PROVENANCE_MEANINGS,
    Record,
    build_records,
    record_lists,
)
from sitegen.rollups import RollUp, roll_up
from sitegen.statuses import (
    NO_STATUS,
    NO_STATUS_MEANING,
    RATING_MAP,
    STATUS_MEANINGS,
    STATUS_ORDER,
    status_label,
)
from sitegen.topics import TOPIC_LABELS
from sitegen.uris import (
    FEED_MEETINGS,
    FEED_STATUSES,
    TRACKER,
    TRACKER_CSV,
    TRACKER_HISTORY_CSV,
    meeting_uri,
)

INDEX = TRACKER
WIDE_PAGE = "---\nhide:\n  - navigation\n  - toc\n---\n\n"  # the table needs the whole width
NO_MEETING = "none"
HEADERS = ["Reference", "Origin", "Date", "Area", "Recommendation or action", "Lead officer",
           "Action taken and what happened next", "Status", "Evidence"]
# The filters, in the order they appear; each reads one data attribute of a row.
FILTERS = [("list", "Plan or list"), ("topic", "Topic"), ("meeting", "Meeting"),
           ("owner", "Lead officer"), ("status", "Status")]


KIND_PLURALS = {"recommendation": ("recommendation", "recommendations"),
                "action": ("action", "actions"), "priority": ("priority", "priorities"),
                "learning": ("piece of learning from a complaint", "pieces of learning from complaints"),
                "event": ("event", "events"), "follow-up": ("follow-up", "follow-ups")}


def origin_date_text(record: Record) -> str:
    """The meeting's date, or the paper's printed date, or 'Undated': never a date we chose."""
    if record.meeting:
        return short_date(record.meeting)
    doc = record.origin_doc
    return short_date(doc.date) if doc.date else "Undated paper"


def records_in_order(content: Content) -> list[Record]:
    """Newest first, then in each list's own order."""
    records = build_records(content)
    order = {id(r): i for i, r in enumerate(records)}
    return sorted(records, key=lambda r: (-r.origin_date.toordinal(), r.parent.code, order[id(r)]))


def meeting_key(record: Record) -> str:
    return record.meeting.isoformat() if record.meeting else NO_MEETING


def meeting_label(key: str) -> str:
    if key == NO_MEETING:
        return "Not presented at a meeting we hold"
    return f"Meeting of {long_date(dt.date.fromisoformat(key))}"


def filter_options(content: Content) -> list[dict[str, object]]:
    """Every filter's choices, with labels: the one place the page's JavaScript learns them."""
    records = build_records(content)
    lists = [(rl.code, rl.title) for rl in record_lists(content)]
    topics = sorted({t for r in records for t in r.topics}, key=lambda t: TOPIC_LABELS[t])
    meetings = sorted({meeting_key(r) for r in records}, reverse=True)
    owners = sorted({r.owner for r in records}, key=lambda o: (o != NOT_STATED, o.casefold()))
    statuses = [s for s in STATUS_ORDER if any(r.status == s for r in records)]
    choices = {
        "list": lists,
        "topic": [(t, TOPIC_LABELS[t]) for t in topics],
        "meeting": [(m, meeting_label(m)) for m in meetings],
        "owner": [(o, o) for o in owners],
        "status": [(s, status_label(s)) for s in statuses],
    }
    return [{"key": key, "label": label, "options": choices[key]} for key, label in FILTERS]


def row_data(record: Record) -> dict[str, str]:
    return {"list": record.parent.code, "topic": " ".join(record.topics),
            "meeting": meeting_key(record), "owner": record.owner, "status": record.status}


def _data_span(record: Record) -> str:
    attrs = " ".join(f'data-{k}="{attr(v)}"' for k, v in row_data(record).items())
    return f'<span class="tracker-row" id="{record.anchor}" {attrs}></span>'


def _origin(record: Record, content: Content) -> str:
    rl = record.parent
    parts = [f"[{cell(rl.title)}]({link(INDEX, rl.uri, record.anchor)})",
             f"*{PROVENANCE_LABELS[rl.provenance]}*"]
    if record.meeting:
        parts.append(f"[{long_date(record.meeting)} meeting]"
                     f"({link(INDEX, meeting_uri(record.meeting.isoformat()))})")
    parts.append(cite(record.row.source, content, INDEX))
    return "<br>".join(parts)


def _area(record: Record) -> str:
    area = cell(record.row.area) if record.row.area else ""
    topics = ", ".join(TOPIC_LABELS[t] for t in record.topics)
    return "<br>".join(p for p in (area, f"*{topics}*") if p)


def _action_taken(record: Record, content: Content) -> str:
    parts = []
    if record.row.progress:
        parts.append(cell(record.row.progress))
    parts.append(rv.next_cell(record, content, INDEX, brief=True))
    return "<br>".join(p for p in parts if p)


def _evidence(record: Record, content: Content) -> str:
    if record.status != "complete" or not record.current:
        return ""
    e = record.current.entry
    return f"{cell(e.evidence or '')} ({cite(e.source, content, INDEX)})"


def _record_row(record: Record, content: Content) -> list[str]:
    ref = f"{_data_span(record)}**{cell(record.ref)}**<br>{KIND_LABELS[record.kind]}"
    action = cell(record.row.action)
    if record.row.quote:
        action += f"<br>The paper's words: &ldquo;{cell(record.row.quote)}&rdquo;"
    due = cell(record.due_text)
    return [ref, _origin(record, content), origin_date_text(record), _area(record),
            action + f"<br>*Due:* {due}", cell(record.owner), _action_taken(record, content),
            rv.status_cell(record, content, INDEX), _evidence(record, content)]


def _filter_href(**query: str) -> str:
    """A link to the tracker with filters chosen (applied by the page's script)."""
    return f"?{urlencode(query)}#records"


def _rollup_table(groups: dict[str, RollUp], label: dict[str, str], key: str,
                  first_header: str) -> str:
    rows = []
    for group_key, group in groups.items():
        complete = f"{group.complete} of {group.total}"
        rows.append([
            f'<a href="{attr(_filter_href(**{key: group_key}))}">{cell(label[group_key])}</a>',
            str(group.total), complete, str(group.still_open), str(group.no_status),
            str(group.not_seen), cell(group.counts_text())])
    return table([first_header, "Records", "Complete", "Still open", "No status given",
                  "Not seen in later papers", "What it counts"], rows)


def rollups(content: Content) -> str:
    records = build_records(content)
    lists = {rl.code: rl for rl in record_lists(content)}
    by_list = roll_up(records, lambda r: [r.parent.code])
    by_list = {code: by_list[code] for code in lists if code in by_list}
    list_labels = {code: f"{rl.title} ({PROVENANCE_LABELS[rl.provenance].lower()})"
                   for code, rl in lists.items()}
    by_topic = roll_up(records, lambda r: r.topics)
    by_topic = dict(sorted(by_topic.items(), key=lambda kv: TOPIC_LABELS[kv[0]]))
    by_meeting = roll_up(records, lambda r: [meeting_key(r)])
    by_meeting = dict(sorted(by_meeting.items(), reverse=True))
    return "\n\n".join([
        '<div class="rollup" markdown>',
        "## Roll-ups",
        "Each line counts records by their latest status. *Complete* means a paper says it was "
        "done, *still open* means its latest status is anything else, and *not seen in later "
        "papers* means no paper we hold after the one it came from mentions it. *What it counts* "
        "says which kinds of list the records come from: a printed plan's own ratings, a printed "
        "list with no ratings, a list this site built from a report's text, or follow-ups from the "
        "minutes. A record with two topics counts under both. Select a line to filter the table.",
        "### By plan or list",
        _rollup_table(by_list, list_labels, "list", "Plan or list"),
        "### By topic",
        _rollup_table(by_topic, TOPIC_LABELS, "topic", "Topic"),
        "### By meeting",
        _rollup_table(by_meeting, {k: meeting_label(k) for k in by_meeting}, "meeting",
                      "Meeting the papers went to"),
        "</div>",
    ])


def _vocabulary() -> str:
    rows = [[f"**{status_label(s)}**", cell(STATUS_MEANINGS[s])] for s in STATUS_MEANINGS]
    rows.append([f"**{status_label(NO_STATUS)}**", cell(NO_STATUS_MEANING)])
    mapping = [[cell(rating), cell(where), cell(status_label(ours) if ours in STATUS_MEANINGS
                                                else ours)] for rating, where, ours in RATING_MAP]
    kinds = [[f"**{PROVENANCE_LABELS[k]}**", cell(v)] for k, v in PROVENANCE_MEANINGS.items()]
    body = "\n\n".join([
        table(["Status", "What it means"], rows),
        "How each paper's own rating is shown:",
        table(["The paper's rating", "Where", "Shown as"], mapping),
        "Where a list comes from:",
        table(["Kind of list", "What it means"], kinds),
        "A status is always shown with the paper's own words and where they are. A status read "
        "from a report's words is never *on track*, *delayed* or *off track* unless the words say "
        "so: only a paper's own rating is a judgement of progress.",
    ])
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f'??? info "What the statuses mean, and where each list comes from"\n\n{indented}'


def page(content: Content) -> str:
    records = records_in_order(content)
    kinds = {k: sum(r.kind == k for r in records) for k in KIND_LABELS}
    kind_text = ", ".join(plural(n, *KIND_PLURALS[k]) for k, n in kinds.items() if n)
    rows = [_record_row(r, content) for r in records]
    options = json.dumps(filter_options(content), ensure_ascii=False, separators=(",", ":"))
    intro = (
        f"Every recommendation, action and follow-up in the papers we hold: {len(records)} records "
        f"({kind_text}). Each has a reference, where it came from, who is to act (exactly as the "
        "paper names them, or *Not stated*), when it is due, its latest status with the paper's "
        "own words, and what later papers said about it.")
    return "\n\n".join([
        f"{WIDE_PAGE}# Follow-through tracker",
        intro,
        f"[Download the tracker (CSV)]({link(INDEX, TRACKER_CSV)}){{ .md-button }} "
        f"[Every status in every history (CSV)]({link(INDEX, TRACKER_HISTORY_CSV)}){{ .md-button }}",
        f"Follow the tracker in a feed reader: [status changes (Atom)]({link(INDEX, FEED_STATUSES)}) "
        f"and [meetings (Atom)]({link(INDEX, FEED_MEETINGS)}).",
        _vocabulary(),
        rollups(content),
        "## Every record {#records}",
        "Choose a plan, topic, meeting, lead officer or status to narrow the table, or type words "
        "to find a record. Printing prints the records shown.",
        '<noscript><p class="tracker-noscript">The filters need JavaScript. The full table is '
        "below; every plan, meeting and topic also has its own page.</p></noscript>",
        # Not in the site's search index: every record is indexed on its own plan, meeting or
        # follow-up page, in context; here it would be a second copy (a fifth of the index, which
        # every page downloads and the reader's browser indexes as the page opens).
        f'<div class="tracker action-table stack-on-phones" data-options="{attr(options)}" '
        'data-search-exclude markdown>',
        table(HEADERS, rv.labelled_cells(HEADERS, rows)),
        "</div>",
    ]) + "\n"


def _topics_text(record: Record) -> str:
    return "; ".join(TOPIC_LABELS[t] for t in record.topics)


def csv_text(content: Content) -> str:
    """One row per record, with its latest status: for spreadsheets and other trackers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["reference", "list", "list_kind", "record_kind", "meeting", "paper_date",
                     "origin_document", "origin_page", "origin_section", "area", "text",
                     "paper_wording", "lead_officer", "due_as_printed", "due_date", "event_on",
                     "status", "status_basis", "status_words", "status_when", "status_document",
                     "status_page", "status_section", "evidence", "past_due_at_last_report",
                     "later_papers", "topics"])
    for r in records_in_order(content):
        current = r.current.entry if r.current else None
        writer.writerow([
            r.ref, r.parent.title, PROVENANCE_LABELS[r.parent.provenance], KIND_LABELS[r.kind],
            r.meeting.isoformat() if r.meeting else "",
            r.origin_doc.date.isoformat() if r.origin_doc.date else "undated",
            content.documents[r.row.source.doc].title, r.row.source.page or "",
            r.row.source.section or "", r.row.area or "", r.row.action, r.row.quote or "", r.owner,
            r.row.due or "", r.row.due_date.isoformat() if r.row.due_date else "",
            r.row.event_on.isoformat() if r.row.event_on else "", status_label(r.status),
            current.basis if current else "", current.said if current else "",
            rv.when(r.current, content) if r.current else "",
            content.documents[current.source.doc].title if current else "",
            (current.source.page or "") if current else "",
            (current.source.section or "") if current else "",
            (current.evidence or "") if current else "", "yes" if r.overdue else "no",
            FOLLOW_THROUGH[r.follow_through], _topics_text(r)])
    return out.getvalue()


def history_csv_text(content: Content) -> str:
    """One row per status or mention, oldest first within each record."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["reference", "step", "status", "basis", "when", "date", "paper_words", "note",
                     "evidence", "document", "page", "section", "later_paper", "carried_forward_as"])
    for r in records_in_order(content):
        for i, entry in enumerate(r.history, start=1):
            e = entry.entry
            writer.writerow([
                r.ref, i, status_label(e.status) if e.status else "Mentioned, no status", e.basis,
                rv.when(entry, content), e.date.isoformat() if e.date else "", e.said, e.note or "",
                e.evidence or "", content.documents[e.source.doc].title, e.source.page or "",
                e.source.section or "", "yes" if entry.later else "no",
                " ".join(entry.carried_forward_as)])
    return out.getvalue()


def topic_summary(topic: str, content: Content, from_uri: str) -> str:
    """A topic page's line about its records, linking to the tracker filtered to the topic."""
    records = [r for r in build_records(content) if topic in r.topics]
    if not records:
        return ""
    group = RollUp(topic, records)
    # A Markdown link (from source file to source file), which every builder turns into the page's
    # address itself; Zensical rewrites raw HTML links too, so a raw one would be rewritten twice.
    href = link(from_uri, INDEX) + _filter_href(topic=topic)
    return (f"{group.total} records on this topic: {group.complete} of {group.total} complete, "
            f"{group.still_open} still open, {group.no_status} with no status given "
            f"({cell(group.counts_text())}). "
            f"[See them in the tracker]({href}).")

