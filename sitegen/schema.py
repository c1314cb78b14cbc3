"""The shape of every content file under ``content/``.

Pages are generated from these files, so a mistake in one should stop the build with the file,
the field and what was expected, rather than produce a page with a gap in it. Pydantic gives us
those messages for free; ``sitegen.content`` adds the file name.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

DocId = Slug  # an id from content/documents.yaml; checked in sitegen.content

Topic = Literal[
    "looked-after-children",
    "child-protection",
    "children-in-need",
    "front-door",
    "early-help",
    "care-leavers",
    "adoption-permanency",
    "fostering-placements",
    "uasc",
    "workforce",
    "schools-education",
    "send",
    "youth-justice",
    "health-wellbeing",
    "finance",
    "inspection-quality",
    "complaints",
    "housing",
    "governance",
    "youth-voice",
]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a field name must not silently drop content."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _require_page_or_section(page: int | None, section: str | None) -> None:
    if page is None and section is None:
        raise ValueError("give a page (as the pack prints it) or a section of the report")


class Source(Strict):
    """Where a fact came from: the document, and the page as the pack prints it, or the section.

    ``page`` is only for page numbers the text itself shows ("Page 21") or the agenda's page range
    gives; otherwise cite the report's own numbering in ``section`` ("3.4", "Table 10",
    "Appendix 1, row 12").
    """

    doc: DocId
    page: int | None = Field(default=None, ge=1)
    section: Text | None = None

    @model_validator(mode="after")
    def _page_or_section(self) -> Source:
        _require_page_or_section(self.page, self.section)
        return self


class Document(Strict):
    """One of the source documents the site summarises, and how to find the original again.

    ``date`` is the date the document itself prints (a pack's meeting date). An undated document
    leaves it out and says instead, in ``undated``, what its text shows about when it was written;
    ``earliest`` is the first day it can have been written, used only to put it in order.
    """

    id: DocId
    title: Text
    short: Text  # for citations in tables, e.g. "Pack, 12 Dec 2017"
    kind: Literal["agenda-pack", "report"]
    date: dt.date | None = None
    undated: Text | None = None
    earliest: dt.date | None = None
    publisher: Text  # who issued it, as the document names itself
    found_at: Text  # in words a reader can search for: the site, the committee, the meeting
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]  # of the plain text we summarised
    file: Text  # the plain-text file the summaries were written from (not shown to readers)
    description: Text

    @model_validator(mode="after")
    def _dated_or_explained(self) -> Document:
        if self.date is None and not (self.undated and self.earliest):
            raise ValueError("an undated document needs `undated` (what its text shows about when "
                             "it was written) and `earliest` (the first possible date, for ordering)")
        if self.date is not None and (self.undated or self.earliest):
            raise ValueError("give either `date` or `undated` with `earliest`, not both")
        return self

    @property
    def order_date(self) -> dt.date:
        """The date to sort by: the printed date, or the earliest it can have been written."""
        day = self.date or self.earliest
        assert day is not None  # guaranteed by the validator
        return day


class Person(Strict):
    name: Text
    role: Text | None = None


class AgendaItem(Strict):
    number: int = Field(ge=1)
    title: Text
    pages: Text | None = Field(default=None, pattern=r"^\d+( - \d+)?$")
    description: Text | None = None
    report: Slug | None = None
    minutes_of: dt.date | None = None  # the item approving a previous meeting's minutes


class Sourced(Strict):
    """A statement in our own words, with where it came from."""

    text: Text
    source: Source


class Question(Strict):
    question: Text
    why: Text
    source: Source


class Briefing(Strict):
    """What a councillor should know before the meeting, and could ask."""

    things_to_know: list[Sourced] = Field(min_length=5, max_length=5)
    questions: list[Question] = Field(min_length=3)


class Meeting(Strict):
    """A meeting. ``members`` is the membership the summons (the pack's front sheet) prints; it is
    not attendance, which only the minutes record. Leave it empty when we hold no summons."""

    date: dt.date
    time: Text | None = None
    venue: Text | None = None
    source: Source
    pack_published: dt.date | None = None
    members: list[Person] = Field(default_factory=list)
    substitutes: list[Person] = Field(default_factory=list)
    agenda: list[AgendaItem]
    briefing: Briefing | None = None


class MinutesItem(Strict):
    number: int = Field(ge=1)
    title: Text
    report: Slug | None = None
    discussion: list[Sourced] = Field(default_factory=list)
    resolved: list[Sourced] = Field(default_factory=list)


class Minutes(Strict):
    """The minutes of one meeting, as printed in the following meeting's pack."""

    meeting: dt.date
    source: Source
    present: list[Person] = Field(default_factory=list)
    apologies: list[Person] = Field(default_factory=list)
    in_attendance: list[Person] = Field(default_factory=list)
    items: list[MinutesItem]


class KeyFigure(Strict):
    figure: Text
    value: Text
    period: Text | None = None
    comparator: Text | None = None
    source: Source


class DataNote(Strict):
    """Where the source contradicts itself: what each place says, without picking one."""

    issue: Text
    says: list[Sourced] = Field(min_length=2)


class Report(Strict):
    id: Slug
    title: Text
    doc: DocId
    meeting: dt.date | None = None
    agenda_item: int | None = None
    pages: Text | None = Field(default=None, pattern=r"^\d+( - \d+)?$")
    author_role: Text | None = None
    topics: list[Topic] = Field(min_length=1)
    purpose: Text
    summary: Text
    key_findings: list[Sourced] = Field(min_length=1)
    key_figures: list[KeyFigure] = Field(default_factory=list)
    recommendations: list[Sourced] = Field(default_factory=list)
    action_plans: list[Slug] = Field(default_factory=list)
    data_notes: list[DataNote] = Field(default_factory=list)


# ---- Follow-through: every recommendation, action and follow-up as a record with a history ----

# One vocabulary for every status on the site. What each value means, and how the papers' own
# ratings map onto it, is in sitegen/statuses.py.
Status = Literal["open", "scheduled", "not-started", "in-progress", "on-track", "at-risk",
                 "off-track", "deferred", "complete"]
# "rated": the paper's own rating (a RAG colour, a score, a word in its status column).
# "stated": the paper describes progress in words; the status word is our reading of them. A
# status read from words is never a judgement the paper did not make (see sitegen/statuses.py).
Basis = Literal["rated", "stated"]
RecordKind = Literal["recommendation", "action", "priority", "learning", "event", "follow-up"]
# How a list came to be: printed by the paper as a plan; printed as a list of recommendations,
# priorities or learning (no owners, dates or ratings); or built by this site from a report's text.
Provenance = Literal["printed-plan", "printed-list", "built-from-text"]
FollowUpKind = Literal["requested", "promised", "resolved", "deferred", "promised-in-report"]
# A record's stable reference: its list's code, a slash, its reference within the list.
RecordRef = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*/[^\s/]+$")]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*$")]
_NOT_AN_OWNER = {"not stated", "none", "unknown", "n/a", "tbc", "-"}


class StatusEntry(Strict):
    """One status a paper gives a record, when, in which words, and where.

    ``date`` is the date the status describes; leave it out when that is simply the paper's own date.
    ``when`` says how the paper dates it where that needs words ("RAG 01/18", "initial rating, not
    dated"). Leave ``status`` out
    for a paper that mentions the record without saying where it stands (then ``note`` says what
    it says). A status of "complete" must show its ``evidence``: what the paper says was done.
    """

    status: Status | None = None
    date: dt.date | None = None
    when: Text | None = None
    said: Text  # the paper's own words, quoted exactly
    basis: Basis
    note: Text | None = None  # our words: what the paper says about it, where the quote needs it
    evidence: Text | None = None
    source: Source

    @model_validator(mode="after")
    def _dated_and_evidenced(self) -> StatusEntry:
        if self.status == "complete" and not self.evidence:
            raise ValueError("a status of complete needs `evidence`: what the paper says was done")
        if self.status is None and not self.note:
            raise ValueError("a mention without a status needs a `note` saying what the paper says")
        return self


class Action(Strict):
    """One record: a recommendation, action, priority, piece of learning, event or follow-up.

    ``owner`` is exactly as the paper prints it; leave it out where the paper names no one (the
    site then says "Not stated"). ``due`` is the deadline as printed; ``due_date`` is our reading of
    it, used to say what was due by a meeting. An event has ``event_on`` instead and is never
    overdue. ``statuses`` are what this record's own document says; what later papers say goes in
    content/progress/.
    """

    ref: Annotated[str, StringConstraints(pattern=r"^[^\s/]+$")]
    kind: RecordKind | None = None  # when different from its list's
    area: Text | None = None
    action: Text
    quote: Text | None = None  # the paper's own wording, where exactness matters
    owner: Text | None = None
    asked_by: Text | None = None  # follow-ups: who asked, as the minutes name them
    request: FollowUpKind | None = None  # follow-ups only
    minute: int | None = Field(default=None, ge=1)
    due: Text | None = None
    due_date: dt.date | None = None
    event_on: dt.date | None = None
    progress: Text | None = None  # the progress the paper reports, in our words
    note: Text | None = None  # anything else a reader needs, in our words
    statuses: list[StatusEntry] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)  # when different from its list's
    related: list[RecordRef] = Field(default_factory=list)
    source: Source

    @model_validator(mode="after")
    def _consistent(self) -> Action:
        if self.owner is not None and self.owner.strip().casefold() in _NOT_AN_OWNER:
            raise ValueError(f"owner {self.owner!r}: leave `owner` out where the paper names no one")
        if self.due_date is not None and not self.due:
            raise ValueError("`due_date` needs `due`: the deadline as the paper prints it")
        if self.event_on is not None and self.due_date is not None:
            raise ValueError("an event has `event_on`, not `due_date`: events are never overdue")
        return self


class ActionPlan(Strict):
    """A list of records from one paper: a printed plan, a printed list, or one built from text.

    ``as_at`` is the date the list describes; ``reading`` says, for readers, how the list was
    transcribed and how its statuses map to the site's vocabulary (no internal field names).
    """

    id: Slug
    code: Code  # the prefix of every record's reference, e.g. DP18 for "DP18/1.3"
    title: Text
    report: Slug | None = None
    provenance: Provenance
    record_kind: RecordKind
    as_at: dt.date
    source: Source
    reading: Text | None = None
    topics: list[Topic] = Field(min_length=1)
    actions: list[Action] = Field(min_length=1)


class FollowUps(Strict):
    """Everything the minutes of one meeting (or its papers) asked for or promised to come back."""

    meeting: dt.date
    source: Source  # where the minutes are printed
    reading: Text | None = None
    follow_ups: list[Action] = Field(min_length=1)


class ProgressUpdate(StatusEntry):
    """What a later paper says about an earlier record. ``carried_forward_as`` names the records
    in which that paper takes the same work forward."""

    record: RecordRef
    carried_forward_as: list[RecordRef] = Field(default_factory=list)


class Progress(Strict):
    """Everything one document says about records from earlier documents."""

    doc: DocId
    updates: list[ProgressUpdate] = Field(min_length=1)


class GlossaryTerm(Strict):
    """One meaning of one acronym. A term with two meanings in the papers has two entries."""

    term: Text
    expansion: Text
    definition: Text | None = None
    source: Source  # where the papers define it, or first use it
    used_in: list[DocId] = Field(default_factory=list)  # every document that uses it


class Indicator(Strict):
    id: Slug
    title: Text
    unit: Literal["count", "rate-per-10000", "rate-per-100000", "percent", "days", "weeks", "gbp",
                  "gbp-million", "ratio"]
    topic: Topic
    description: Text
    higher_is_better: bool | None = None


IndicatorKind = Literal["actual", "projection", "target"]


class IndicatorPoint(Strict):
    """One value of one indicator, for one area and period, from one place in one document."""

    indicator: Slug
    area: Text
    period: Text
    period_end: dt.date
    value: float
    kind: IndicatorKind
    doc: DocId
    page: int | None = Field(default=None, ge=1)
    section: Text | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _page_or_section(self) -> IndicatorPoint:
        _require_page_or_section(self.page, self.section)
        return self

    def source_ref(self) -> Source:
        return Source(doc=self.doc, page=self.page, section=self.section)
