"""Plans, lists and follow-ups: a page for each, with every record, its history and what came next.

Each page says first what kind of list it is (a printed plan, a printed list, a list this site
built from a report's text, or the follow-ups from a meeting's minutes), because that decides
whose statuses they are.
"""

from __future__ import annotations

from sitegen.content import Content
from sitegen.markdown import cell, cite, link, long_date, plural, table, text
from sitegen.pages import record_view as rv
from sitegen.records import (
    KIND_LABELS,
    PROVENANCE_LABELS,
    PROVENANCE_MEANINGS,
    REQUEST_LABELS,
    Record,
    RecordList,
    build_records,
    record_lists,
)
from sitegen.rollups import RollUp
from sitegen.statuses import STATUS_ORDER, status_label
from sitegen.uris import TRACKER, meeting_uri, report_uri

INDEX = "action-plans/index.md"
LIST_HEADERS = ["Ref", "What", "Who is to act", "Due", "Status history", "What happened next"]
# Record tables are wide: give them the space the table of contents would take.
WIDE_PAGE = "---\nhide:\n  - toc\n---\n\n"


def lists_in_order(content: Content) -> list[RecordList]:
    return sorted(record_lists(content), key=lambda rl: (rl.as_at, rl.title), reverse=True)


def records_of(rl: RecordList, content: Content) -> list[Record]:
    return [r for r in build_records(content) if r.parent.key == rl.key]


def standing(records: list[Record]) -> str:
    """'97 records: 19 complete, 25 on track, ...; statuses rated by the paper itself: 97.'"""
    group = RollUp("", records)
    counts = group.by_status()
    parts = [f"{counts[s]} {status_label(s).lower()}" for s in STATUS_ORDER if counts.get(s)]
    sentence = f"{plural(group.total, 'record')}: {', '.join(parts)}."
    rated = group.rated
    stated = sum(1 for r in records if r.current and r.current.entry.basis == "stated")
    if rated or stated:
        sentence += (f" Of the latest statuses, {rated} {'is' if rated == 1 else 'are'} the paper's "
                     f"own rating and {stated} {'is' if stated == 1 else 'are'} our reading of "
                     "its words.")
    overdue = [r.ref for r in records if r.overdue]
    if overdue:
        sentence += (f" {plural(len(overdue), 'record was', 'records were')} past the due date "
                     f"printed for {'it' if len(overdue) == 1 else 'them'} at the last report: "
                     + ", ".join(cell(ref) for ref in overdue) + ".")
    not_seen = group.not_seen
    if not_seen:
        sentence += f" {not_seen} of {group.total} are not seen in any later paper we hold."
    return sentence


def _provenance_box(rl: RecordList) -> str:
    kind = {"printed-plan": "info", "minutes": "info", "printed-list": "note"}.get(rl.provenance,
                                                                                 "warning")
    body = PROVENANCE_MEANINGS[rl.provenance]
    if rl.reading:
        body += "\n\n" + rl.reading
    indented = "\n\n".join(f"    {text(p)}" for p in body.split("\n\n"))
    return f'!!! {kind} "{PROVENANCE_LABELS[rl.provenance]}"\n\n{indented}'


def _facts(rl: RecordList, content: Content, uri: str, example: str) -> str:
    facts = []
    if rl.report:
        facts.append(f"**Report:** [{cell(content.reports[rl.report].title)}]"
                     f"({link(uri, report_uri(rl.report))})")
    if rl.meeting:
        facts.append(f"**Meeting:** [{long_date(rl.meeting)}]"
                     f"({link(uri, meeting_uri(rl.meeting.isoformat()))})")
    else:
        facts.append("**Meeting:** not presented at a meeting whose papers we hold")
    doc = content.documents[rl.source.doc]
    if doc.date:
        facts.append(f"**As at:** {long_date(rl.as_at)}")
    else:
        facts.append(f"**Date:** undated paper. {text(doc.undated or '')}")
    facts.append(f"**Source:** {cite(rl.source, content, uri)}")
    facts.append(f"**References:** {rl.code}/… (for example {example}), stable across updates")
    return "  \n".join(facts)


def _ref_cell(record: Record) -> str:
    extra = ""
    if record.kind != record.parent.kind:
        extra = f"<br>{KIND_LABELS[record.kind]}"
    if record.row.request:
        extra += f"<br>{REQUEST_LABELS[record.row.request]}"
        if record.row.minute:
            extra += f", minute {record.row.minute}"
    return f"{rv.anchor_span(record)}**{cell(record.row.ref)}**{extra}"


def _owner_cell(record: Record) -> str:
    owner = cell(record.owner)
    if record.row.asked_by:
        owner += f"<br>*Asked by:* {cell(record.row.asked_by)}"
    return owner


def list_page(rl: RecordList, content: Content) -> str:
    uri = rl.uri
    records = records_of(rl, content)
    rows = [[_ref_cell(r), rv.action_cell(r, content, uri), _owner_cell(r), cell(r.due_text),
             rv.history_cell(r, content, uri), rv.next_cell(r, content, uri)] for r in records]
    heading = "Every follow-up" if rl.provenance == "minutes" else "Every row"
    return "\n\n".join([
        f"{WIDE_PAGE}# {text(rl.title)}",
        _facts(rl, content, uri, records[0].ref),
        _provenance_box(rl),
        "## Where it stands",
        standing(records) + f" [See these records in the tracker]({link(uri, TRACKER)}).",
        f"## {heading}",
        "Owners are as the paper prints them; *Not stated* means it names no one. Each status "
        "gives the paper's own words and where they are; later papers' reports follow, oldest "
        "first.",
        '<div class="action-table record-table stack-on-phones" markdown>',
        table(LIST_HEADERS, rv.labelled_cells(LIST_HEADERS, rows)),
        "</div>",
    ]) + "\n"


# Kept for the plan pages' addresses and the tests: a plan's page is its list's page.
def plan_page(plan_id: str, content: Content) -> str:
    rl = next(rl for rl in record_lists(content) if rl.key == plan_id)
    return list_page(rl, content)


def index_page(content: Content) -> str:
    rows = []
    for rl in lists_in_order(content):
        group = RollUp(rl.key, records_of(rl, content))
        dated = content.documents[rl.source.doc].date is not None
        rows.append([f"[{cell(rl.title)}]({link(INDEX, rl.uri)})", PROVENANCE_LABELS[rl.provenance],
                     long_date(rl.as_at) if dated else "Undated paper", str(group.total),
                     f"{group.complete} of {group.total}", str(group.still_open),
                     str(group.no_status), str(group.not_seen)])
    kinds = "\n".join(f"- **{PROVENANCE_LABELS[k]}:** {text(v)}" for k, v in PROVENANCE_MEANINGS.items())
    counts = {k: sum(rl.provenance == k for rl in record_lists(content)) for k in PROVENANCE_LABELS}
    total = len(build_records(content))
    return "\n\n".join([
        f"{WIDE_PAGE}# Plans, lists and follow-ups",
        f"The papers we hold give {total} recommendations, actions and follow-ups, in "
        f"{plural(counts['printed-plan'], 'printed plan')}, "
        f"{plural(counts['printed-list'], 'printed list')} of recommendations, priorities or "
        f"learning, {plural(counts['built-from-text'], 'list')} this site built from a report's "
        f"text, and the follow-ups from {plural(counts['minutes'], 'meeting')}. They are not the "
        "same kind of evidence:",
        kinds,
        f"[Search and filter every record in the tracker]({link(INDEX, TRACKER)}){{ .md-button }}",
        '<div class="plan-summary" markdown>',
        table(["Plan or list", "Kind", "As at", "Records", "Complete", "Still open",
               "No status given", "Not seen in later papers"], rows),
        "</div>",
    ]) + "\n"


def nav(content: Content) -> list[object]:
    lists = lists_in_order(content)
    plans = [{rl.title: rl.uri} for rl in lists if rl.provenance != "minutes"]
    follow_ups = [{f"Follow-ups, {long_date(rl.as_at)}": rl.uri} for rl in lists
                  if rl.provenance == "minutes"]
    # Nested, so the sidebar stays short: only the open group lists its pages.
    return [TRACKER, {"All plans, lists and follow-ups": INDEX}, {"Plans and lists": plans},
            {"Follow-ups by meeting": follow_ups}]
