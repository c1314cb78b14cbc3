"""Every recommendation, action and follow-up as one kind of record, with its history.

Plans and lists (content/action-plans/), the follow-ups from each meeting's minutes
(content/follow-ups/) and what later papers say about them (content/progress/) are three kinds of
file; pages, the CSV and the feeds all read them through ``build_records``, so a status, an owner
or a "not seen since" is worked out in one place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitegen.schema import Action, ActionPlan, FollowUps, Source, StatusEntry, Topic
from sitegen.statuses import NO_STATUS
from sitegen.uris import follow_ups_uri, plan_uri

if TYPE_CHECKING:
    from sitegen.content import Content
    from sitegen.schema import Document

PROVENANCE_LABELS = {
    "printed-plan": "Printed plan",
    "printed-list": "Printed list",
    "built-from-text": "Built by this site from a report's text",
    "minutes": "Follow-ups from the minutes",
}
PROVENANCE_MEANINGS = {
    "printed-plan": "The paper prints it as a plan, with its own columns for owner, timescale and "
                    "progress or rating.",
    "printed-list": "The paper prints a list or table of recommendations, priorities or learning. "
                    "It is not a plan: it gives no ratings, and usually no owners or dates.",
    "built-from-text": "The paper prints no plan or list: this site made one row for each action "
                       "its text describes. Every status is the report's own words.",
    "minutes": "What the minutes record the committee asking for, or an officer promising, to come "
               "back; and dated promises to the committee in a report.",
}
KIND_LABELS = {
    "recommendation": "Recommendation",
    "action": "Action",
    "priority": "Priority",
    "learning": "Learning from a complaint",
    "event": "Event",
    "follow-up": "Follow-up",
}
REQUEST_LABELS = {
    "requested": "Requested by the committee",
    "promised": "Promised at the meeting",
    "resolved": "Resolved by the committee",
    "deferred": "Item deferred",
    "promised-in-report": "Promised in a report",
}
NOT_STATED = "Not stated"
# Statuses that are a judgement of progress: only a paper's own rating, or its words "on track"
# or "on target", may give one.
JUDGEMENTS = {"on-track", "at-risk", "off-track"}
_SAYS_ON_TRACK = re.compile(r"\bon (track|target)\b", re.IGNORECASE)


@dataclass(frozen=True)
class RecordList:
    """A plan, a printed list, a list built from text, or one meeting's follow-ups."""

    key: str
    code: str
    title: str
    provenance: str
    kind: str
    uri: str
    as_at: dt.date
    source: Source
    meeting: dt.date | None
    reading: str | None
    topics: tuple[Topic, ...]
    report: str | None = None


@dataclass(frozen=True)
class Entry:
    """One step in a record's history: a status (or a mention) and the paper that gives it."""

    entry: StatusEntry
    later: bool  # dated (or from a paper dated) after the meeting or date the record comes from
    order: dt.date  # the date it describes, or its document's date where the paper gives none
    position: int  # tie-break: the order the data lists it in
    carried_forward_as: tuple[str, ...] = ()

    @property
    def status(self) -> str | None:
        return self.entry.status


@dataclass
class Record:
    ref: str
    row: Action
    parent: RecordList  # the plan, list or meeting follow-ups it belongs to
    kind: str
    topics: tuple[Topic, ...]
    origin_doc: Document
    history: list[Entry] = field(default_factory=list)
    later_docs: tuple[Document, ...] = ()  # every document we hold dated after the record was made
    reported_on_by: list[str] = field(default_factory=list)  # refs of records carrying it forward

    @property
    def anchor(self) -> str:
        return anchor_for(self.ref)

    @property
    def meeting(self) -> dt.date | None:
        return self.parent.meeting

    @property
    def origin_date(self) -> dt.date:
        """The date it was made: its meeting, or the date its list describes."""
        return self.parent.meeting or self.parent.as_at

    @property
    def owner(self) -> str:
        return self.row.owner or NOT_STATED

    @property
    def current(self) -> Entry | None:
        """The latest entry that gives a status."""
        rated = [e for e in self.history if e.status]
        return rated[-1] if rated else None

    @property
    def status(self) -> str:
        current = self.current
        if current and current.status:
            return current.status
        return "open" if self.kind == "follow-up" else NO_STATUS

    @property
    def later_entries(self) -> list[Entry]:
        return [e for e in self.history if e.later]

    @property
    def has_history(self) -> bool:
        """More than one status, from any paper."""
        return len([e for e in self.history if e.status]) > 1

    @property
    def follow_through(self) -> str:
        """What later papers did with it: one of FOLLOW_THROUGH's keys."""
        if self.status == "complete":
            done = next(e for e in reversed(self.history) if e.status == "complete")
            return "reported-done" if done.later else "done-at-origin"
        if any(e.status for e in self.later_entries):
            return "progress-reported"
        if self.later_entries:
            return "mentioned"
        return "not-seen" if self.later_docs else "no-later-paper"

    @property
    def overdue(self) -> bool:
        """Past its due date at its last report and not complete. Events are never overdue."""
        if self.row.due_date is None or self.kind == "event" or self.status == "complete":
            return False
        last = self.current.order if self.current else self.parent.as_at
        return self.row.due_date < last

    @property
    def due_text(self) -> str:
        if self.row.event_on:
            return f"Event on {self.row.event_on.day} {self.row.event_on:%B %Y}"
        return self.row.due or NOT_STATED


FOLLOW_THROUGH = {
    "reported-done": "Reported done",
    "done-at-origin": "Done when made (same paper or meeting)",
    "progress-reported": "Later paper reports progress",
    "mentioned": "Mentioned later, no status",
    "not-seen": "Not seen in later papers",
    "no-later-paper": "No later paper yet",
}


def anchor_for(ref: str) -> str:
    """'DP18/1.3' -> 'dp18-1-3': the id of the record's row on its list page and the tracker."""
    return re.sub(r"[^a-z0-9]+", "-", ref.casefold()).strip("-")


def follow_up_code(meeting: dt.date) -> str:
    return f"FU-{meeting.isoformat()}"


def record_lists(content: Content) -> list[RecordList]:
    lists = [_plan_list(plan, content) for plan in content.action_plans.values()]
    lists += [_follow_up_list(f, content) for f in content.follow_ups.values()]
    return sorted(lists, key=lambda rl: (rl.as_at, rl.title))


def _plan_list(plan: ActionPlan, content: Content) -> RecordList:
    report = content.reports.get(plan.report) if plan.report else None
    return RecordList(key=plan.id, code=plan.code, title=plan.title, provenance=plan.provenance,
                      kind=plan.record_kind, uri=plan_uri(plan.id), as_at=plan.as_at,
                      source=plan.source, meeting=report.meeting if report else None,
                      reading=plan.reading, topics=tuple(plan.topics), report=plan.report)


def _follow_up_list(follow_ups: FollowUps, content: Content) -> RecordList:
    day = follow_ups.meeting
    return RecordList(key=f"follow-ups-{day.isoformat()}", code=follow_up_code(day),
                      title=f"Follow-ups from the meeting of {day.day} {day:%B %Y}",
                      provenance="minutes", kind="follow-up", uri=follow_ups_uri(day.isoformat()),
                      as_at=day, source=follow_ups.source, meeting=day, reading=follow_ups.reading,
                      topics=())


def _rows(content: Content) -> Iterable[tuple[RecordList, Action]]:
    lists = {rl.key: rl for rl in record_lists(content)}
    for plan in content.action_plans.values():
        for row in plan.actions:
            yield lists[plan.id], row
    for follow_ups in content.follow_ups.values():
        for row in follow_ups.follow_ups:
            yield lists[f"follow-ups-{follow_ups.meeting.isoformat()}"], row


def _entry_order(entry: StatusEntry, content: Content) -> dt.date:
    return entry.date or content.documents[entry.source.doc].order_date


# Built once per loaded Content (pages, the CSV and the feeds all ask); keyed by identity, holding
# the Content itself so that its id cannot be reused while the entry exists.
_cache: dict[int, tuple[Content, list[Record]]] = {}


def build_records(content: Content) -> list[Record]:
    """Every record, in list order, each with its whole history from every paper."""
    cached = _cache.get(id(content))
    if cached is not None and cached[0] is content:
        return cached[1]
    records: list[Record] = []
    by_ref: dict[str, Record] = {}
    ordered_docs = sorted(content.documents.values(), key=lambda d: d.order_date)
    for rl, row in _rows(content):
        origin = content.documents[row.source.doc]
        topics = tuple(row.topics) or rl.topics
        made = rl.meeting or rl.as_at  # "later" means after the meeting (or date) it comes from
        record = Record(ref=f"{rl.code}/{row.ref}", row=row, parent=rl, kind=row.kind or rl.kind,
                        topics=topics, origin_doc=origin,
                        later_docs=tuple(d for d in ordered_docs if d.order_date > made))
        record.history = [Entry(entry=e, order=_entry_order(e, content), position=i,
                                later=_entry_order(e, content) > made)
                          for i, e in enumerate(row.statuses)]
        records.append(record)
        by_ref.setdefault(record.ref, record)
    # A record's own statuses stay in the order its file lists them (oldest first; some, such as
    # a plan's undated initial rating, have no date to sort by). Later papers follow, in order.
    position = 1000
    for progress in sorted(content.progress.values(),
                           key=lambda p: content.documents[p.doc].order_date):
        for update in progress.updates:
            target = by_ref.get(update.record)
            if target is None:
                continue  # reported by record_problems
            position += 1
            target.history.append(Entry(entry=update, later=True, position=position,
                                        order=_entry_order(update, content),
                                        carried_forward_as=tuple(update.carried_forward_as)))
            for ref in update.carried_forward_as:
                if ref in by_ref:
                    by_ref[ref].reported_on_by.append(target.ref)
    _cache[id(content)] = (content, records)
    return records


_index_cache: dict[int, tuple[Content, dict[str, Record], dict[str, list[str]]]] = {}


def _indexes(content: Content) -> tuple[dict[str, Record], dict[str, list[str]]]:
    """Records by reference, and who names each as related: built once per content, as the
    records are (pages ask for them once per record and per link)."""
    cached = _index_cache.get(id(content))
    if cached is not None and cached[0] is content:
        return cached[1], cached[2]
    records = build_records(content)
    by_ref = {r.ref: r for r in records}
    named_by: dict[str, list[str]] = {}
    for r in records:
        for ref in dict.fromkeys(r.row.related):  # each record once
            named_by.setdefault(ref, []).append(r.ref)
    _index_cache[id(content)] = (content, by_ref, named_by)
    return by_ref, named_by


def records_by_ref(content: Content) -> dict[str, Record]:
    return _indexes(content)[0]


def named_as_related_by(content: Content, ref: str) -> list[str]:
    """The records that name ``ref`` as related, in list order."""
    return _indexes(content)[1].get(ref, [])


# ---- the rules `make validate` checks ----

def record_problems(content: Content) -> list[str]:
    """References, dates and sources across plans, follow-ups and progress files."""
    problems: list[str] = []
    seen_codes: dict[str, str] = {}
    for pid, plan in content.action_plans.items():
        where = f"content/action-plans/{pid}.yaml"
        if plan.code in seen_codes:
            problems.append(f"{where}: code '{plan.code}' is also used by {seen_codes[plan.code]}")
        seen_codes.setdefault(plan.code, where)
        if plan.code.startswith("FU-"):
            problems.append(f"{where}: codes starting 'FU-' are kept for follow-ups")
        for row in plan.actions:
            problems += _row_problems(row, f"{where}: row {row.ref}", content, follow_up=False)
    for day, follow_ups in content.follow_ups.items():
        where = f"content/follow-ups/{day}.yaml"
        if day not in content.meetings:
            problems.append(f"{where}: there is no meeting {day} in content/meetings/")
        refs = [row.ref for row in follow_ups.follow_ups]
        problems += [f"{where}: reference '{r}' is used twice" for r in sorted(set(refs))
                     if refs.count(r) > 1]
        for row in follow_ups.follow_ups:
            problems += _row_problems(row, f"{where}: follow-up {row.ref}", content, follow_up=True)
    known = {r.ref: r for r in build_records(content)}
    for row_where, ref in _related_refs(content):
        if ref not in known:
            problems.append(f"{row_where}: related record '{ref}' does not exist")
    for doc_id, progress in content.progress.items():
        where = f"content/progress/{doc_id}.yaml"
        doc = content.documents[progress.doc]
        for i, update in enumerate(progress.updates, start=1):
            at = f"{where}: update {i} ({update.record})"
            target = known.get(update.record)
            if target is None:
                problems.append(f"{at}: no record '{update.record}' (check the code and reference)")
                continue
            if update.source.doc != progress.doc:
                problems.append(f"{at}: its source must be {progress.doc}, the document this file is "
                                "about")
            if doc.order_date <= target.origin_doc.order_date:
                problems.append(f"{at}: {progress.doc} is not later than the record's own document "
                                f"({target.origin_doc.id}); put the status in the record's own file")
            problems += _entry_problems(update, at, content)
            problems += [f"{at}: carried forward as '{ref}', which does not exist"
                         for ref in update.carried_forward_as if ref not in known]
    return problems


def _related_refs(content: Content) -> Iterable[tuple[str, str]]:
    for pid, plan in content.action_plans.items():
        for row in plan.actions:
            for ref in row.related:
                yield f"content/action-plans/{pid}.yaml: row {row.ref}", ref
    for day, follow_ups in content.follow_ups.items():
        for row in follow_ups.follow_ups:
            for ref in row.related:
                yield f"content/follow-ups/{day}.yaml: follow-up {row.ref}", ref


def _row_problems(row: Action, where: str, content: Content, *, follow_up: bool) -> list[str]:
    problems = []
    if follow_up:
        if row.request is None:
            problems.append(f"{where}: give `request` (requested, promised, resolved, deferred or "
                            "promised-in-report)")
        if not row.topics:
            problems.append(f"{where}: give at least one topic")
        if row.kind not in (None, "follow-up"):
            problems.append(f"{where}: a follow-up's kind is always follow-up")
    elif row.request is not None or row.minute is not None:
        problems.append(f"{where}: `request` and `minute` are for follow-ups (content/follow-ups/)")
    if row.kind == "event" and row.event_on is None and not row.due:
        problems.append(f"{where}: an event needs `event_on`, or `due` saying how the paper dates it")
    previous: dt.date | None = None
    for i, entry in enumerate(row.statuses, start=1):
        at = f"{where}: status {i}"
        if entry.source.doc != row.source.doc:
            problems.append(f"{at}: its source is {entry.source.doc}, but this file holds what "
                            f"{row.source.doc} says; put it in content/progress/{entry.source.doc}.yaml")
        problems += _entry_problems(entry, at, content)
        if entry.date is not None:
            if previous is not None and entry.date < previous:
                problems.append(f"{at}: dated {entry.date}, before the status above it ({previous}); "
                                "list statuses oldest first")
            previous = entry.date
    return problems


def _entry_problems(entry: StatusEntry, where: str, content: Content) -> list[str]:
    problems = []
    doc = content.documents[entry.source.doc]
    if entry.date is not None and doc.date is not None and entry.date > doc.date:
        problems.append(f"{where}: dated {entry.date}, after its document ({doc.id}, {doc.date}); a "
                        "paper cannot report a later status")
    if entry.basis == "stated" and entry.status in JUDGEMENTS and not (
            entry.status == "on-track" and _SAYS_ON_TRACK.search(entry.said)):
        problems.append(f"{where}: '{entry.status}' is a judgement; from a paper's words (basis "
                        "stated) use complete, in-progress, not-started, scheduled or deferred, "
                        "unless the words say 'on track' or 'on target'")
    return problems
