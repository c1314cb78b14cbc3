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
    """One of the source documents the site summarises."""

    id: DocId
    title: Text
    short: Text  # for citations in tables, e.g. "Pack, 12 Dec 2017"
    kind: Literal["agenda-pack", "report"]
    date: dt.date
    file: Text
    description: Text


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


StatusGroup = Literal["complete", "on-track", "at-risk", "off-track", "not-started", "unknown"]


class Action(Strict):
    ref: Text
    area: Text | None = None
    action: Text
    owner: Text | None = None
    deadline: Text | None = None
    deadline_date: dt.date | None = None
    status: Text | None = None
    status_group: StatusGroup
    rag: Literal["red", "amber", "green", "blue"] | None = None
    progress: Text | None = None
    source: Source


class ActionPlan(Strict):
    id: Slug
    title: Text
    report: Slug | None = None
    as_at: dt.date
    source: Source
    status_key: Text | None = None
    # How many rows the source plan has, counted when transcribing: a lost row is then caught.
    rows: int = Field(ge=1)
    actions: list[Action] = Field(min_length=1)


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
