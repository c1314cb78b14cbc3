"""`python -m sitegen new meeting|report|plan`: start the next files with every required field.

Each skeleton names its JSON Schema (so an editor completes and checks fields) and marks every value
still to be written with a TODO, which `make validate` lists with its line until it is replaced.
Nothing already written is overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import get_args

from sitegen.kinds import KINDS
from sitegen.schema import Basis, FollowUpKind, Provenance, RecordKind, Status, Topic

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_KIND = {kind.name: kind for kind in KINDS}


class ScaffoldError(Exception):
    """The request cannot be done as asked; the message says what to do instead."""


@dataclass
class Written:
    files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _bad(text)
    except ValueError:
        raise ScaffoldError(f"{text!r} is not a date (there is no such day): write YYYY-MM-DD, "
                            "for example 2023-11-14") from None


def _bad(text: str) -> dt.date:
    raise ScaffoldError(f"{text!r} is not a date: write YYYY-MM-DD, for example 2023-11-14")


def check_id(text: str, what: str) -> str:
    if not SLUG.fullmatch(text):
        raise ScaffoldError(f"{text!r} is not a usable {what} id: write lower-case letters and digits "
                            "joined by single hyphens, for example 2023-11-14-fostering-update")
    return text


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _header(kind: str, relative: str, what: str) -> str:
    return (f"{_KIND[kind].schema_comment(relative)}\n"
            f"# {what}\n"
            "# Replace every TODO (make validate lists those left, with their lines). The fields are\n"
            "# described in sitegen/schema.py; your editor completes them from the schema above.\n")


def _write(content: Path, relative: str, text: str, written: Written) -> None:
    path = content / relative
    if path.exists():
        raise ScaffoldError(f"content/{relative} already exists: edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    written.files.append(f"content/{relative}")


def _source(doc: str) -> str:
    return f'{{doc: {doc}, page: "TODO: the page as the pack prints it (or give section: instead)"}}'


def meeting_text(day: dt.date, previous: dt.date | None, reports: list[str]) -> str:
    pack = f"pack-{day.isoformat()}"
    relative = f"meetings/{day.isoformat()}.yaml"
    agenda = ["  - number: 1\n    title: Apologies for Absence"]
    if previous is not None:
        agenda.append(f"  - number: 2\n    title: Minutes\n    minutes_of: {previous.isoformat()}\n"
                      '    pages: "TODO: the minutes\' pages, for example 5 - 16"')
    agenda += [f"  - number: {len(agenda) + 1}\n    title: Items of Urgent Business",
               f"  - number: {len(agenda) + 2}\n    title: Declaration of Interests"]
    for report in reports:
        agenda.append(f'  - number: {len(agenda) + 1}\n    title: "TODO: the item\'s title as printed"\n'
                      f'    pages: "TODO: for example 17 - 40"\n    report: {report}')
    things = "\n".join(f'    - text: "TODO: thing to know {i}, in plain English"\n'
                       f"      source: {_source(pack)}" for i in range(1, 6))
    questions = "\n".join(f'    - question: "TODO: question {i}"\n      why: "TODO: why it matters"\n'
                          f"      source: {_source(pack)}" for i in range(1, 4))
    return (_header("meeting", relative, f"The meeting of {long_date(day)}, from its agenda pack "
                                          f"({pack} in content/documents.yaml).")
            + f"date: {day.isoformat()}\n"
            + 'time: "TODO: as the front sheet prints it, for example 7.00 pm"\n'
            + 'venue: "TODO: as the front sheet prints it"\n'
            + f'source: {{doc: {pack}, section: "Agenda front sheet"}}\n'
            + "members:\n"
            + '  - {name: "TODO: Councillor ...", role: Chair}\n'
            + "substitutes: []\n"
            + "agenda:\n" + "\n".join(agenda) + "\n"
            + "briefing:\n  things_to_know:\n" + things + "\n  questions:\n" + questions + "\n")


def minutes_text(meeting: dt.date, printed_in: dt.date) -> str:
    pack = f"pack-{printed_in.isoformat()}"
    relative = f"minutes/{meeting.isoformat()}.yaml"
    return (_header("minutes", relative, f"Minutes of the {long_date(meeting)} meeting, as printed in "
                                         f"the {long_date(printed_in)} agenda pack.")
            + f"meeting: {meeting.isoformat()}\n"
            + f'source: {{doc: {pack}, section: "Minutes of {long_date(meeting)}"}}\n'
            + "present:\n"
            + '  - {name: "TODO: as the minutes list them", role: Chair}\n'
            + "apologies: []\n"
            + "in_attendance: []\n"
            + "items:\n"
            + '  - number: "TODO: the minute\'s number as printed"\n'
            + '    title: "TODO: the minute\'s title"\n'
            + "    discussion:\n"
            + '      - text: "TODO: what was said, in plain English"\n'
            + f"        source: {_source(pack)}\n"
            + "    resolved: []\n")


def report_text(report_id: str, meeting: dt.date | None, item: int | None) -> str:
    relative = f"reports/{report_id}.yaml"
    doc = f"pack-{meeting.isoformat()}" if meeting else '"TODO: the document\'s id in documents.yaml"'
    topics = ", ".join(get_args(Topic))
    lines = [
        f"id: {report_id}",
        'title: "TODO: the report\'s title as printed"',
        f"doc: {doc}",
        *([f"meeting: {meeting.isoformat()}"] if meeting else []),
        *([f"agenda_item: {item}" if item else 'agenda_item: "TODO: the agenda item\'s number"']
          if meeting else []),
        'pages: "TODO: the pages in the pack, for example 17 - 40"',
        "topics:",
        f'  - "TODO: one or more of: {topics}"',
        'purpose: "TODO: what the report is for, in one or two sentences"',
        'summary: "TODO: a plain-English summary; figures exactly as printed"',
        "key_findings:",
        '  - text: "TODO: a finding, in our own words"',
        f"    source: {_source(doc)}",
        "key_figures: []",
        "recommendations: []",
        "action_plans: []",
    ]
    return _header("report", relative, "One report: an agenda item with papers, or a standalone "
                                       "report.") + "\n".join(lines) + "\n"


def _choices(literal: object) -> str:
    return ", ".join(get_args(literal))


def plan_text(plan_id: str, report_id: str | None, doc: str) -> str:
    relative = f"action-plans/{plan_id}.yaml"
    lines = [
        f"id: {plan_id}",
        'code: "TODO: the prefix of every row\'s reference, capitals and digits, for example FR23"',
        'title: "TODO: the plan\'s title as printed"',
        *([f"report: {report_id}"] if report_id else []),
        f'provenance: "TODO: one of {_choices(Provenance)}"',
        f'record_kind: "TODO: one of {_choices(RecordKind)}"',
        'as_at: "TODO: YYYY-MM-DD, the date its statuses are as at"',
        f'source: {{doc: {doc}, section: "TODO: where the plan is, for example Item 7, Appendix 1"}}',
        'reading: "TODO: for readers, how the list was transcribed (or leave the line out)"',
        "topics:",
        f'  - "TODO: one or more of: {_choices(Topic)}"',
        'rows: "TODO: how many rows the plan has (count them): a lost row is then caught"',
        "actions:",
        '  - ref: "TODO: the row\'s reference as printed, no spaces (or a number)"',
        '    action: "TODO: the action, as the plan words it"',
        '    owner: "TODO: exactly as printed (leave the line out if the plan names no one)"',
        "    statuses:",
        f'      - status: "TODO: one of {_choices(Status)}"',
        '        said: "TODO: the plan\'s own words for its status, quoted exactly"',
        f'        basis: "TODO: one of {_choices(Basis)}"',
        f"        source: {_source(doc)}",
        f"    source: {_source(doc)}",
    ]
    return _header("action-plan", relative, "One plan or list, every row of it (see content/README.md, "
                                            "Records).") + "\n".join(lines) + "\n"


def follow_ups_text(meeting: dt.date, printed_in: dt.date) -> str:
    pack = f"pack-{printed_in.isoformat()}"
    relative = f"follow-ups/{meeting.isoformat()}.yaml"
    what = (f"What the minutes of {long_date(meeting)} asked for or promised to come back (printed in "
            f"the {long_date(printed_in)} pack).")
    return (_header("follow-ups", relative, what)
            + f"meeting: {meeting.isoformat()}\n"
            + f'source: {{doc: {pack}, section: "Minutes of {long_date(meeting)}"}}\n'
            + "follow_ups:\n"
            + "  - ref: '1'\n"
            + f'    request: "TODO: one of {_choices(FollowUpKind)}"\n'
            + '    minute: "TODO: the minute\'s number"\n'
            + '    action: "TODO: what was asked for or promised, in plain English"\n'
            + '    owner: "TODO: exactly as the minutes name them (leave the line out if they do not)"\n'
            + f"    source: {_source(pack)}\n")


def progress_text(doc: str) -> str:
    relative = f"progress/{doc}.yaml"
    return (_header("progress", relative, f"What {doc} says about records from earlier papers: one "
                                          "update per record; never edit an earlier status.")
            + f"doc: {doc}\n"
            + "updates:\n"
            + '  - record: "TODO: the record\'s reference, for example DP18/1.3 or FU-2023-09-12/2"\n'
            + f'    status: "TODO: one of {_choices(Status)}"\n'
            + '    said: "TODO: the paper\'s own words, quoted exactly"\n'
            + f'    basis: "TODO: one of {_choices(Basis)}"\n'
            + f"    source: {_source(doc)}\n")


def _existing_dates(content: Path, folder: str) -> list[dt.date]:
    found = []
    for path in (content / folder).glob("*.yaml"):
        try:
            found.append(dt.date.fromisoformat(path.stem))
        except ValueError:
            continue
    return sorted(found)


def _document_entry(day: dt.date, previous: dt.date | None, pack: Path | None) -> str:
    minutes = f", including the minutes of {long_date(previous)}" if previous else ""
    if pack is not None:
        file, digest = pack.name, f'"{hashlib.sha256(pack.read_bytes()).hexdigest()}"'
    else:
        file = '"TODO: the plain-text file the summaries are written from"'
        digest = '"TODO: its SHA-256 (give --pack FILE to new meeting and it is computed)"'
    return (f"- id: pack-{day.isoformat()}\n"
            f"  short: Pack, {day.day} {day:%b %Y}\n"
            f"  title: Agenda pack, Children's Services Overview and Scrutiny Committee, {long_date(day)}\n"
            "  kind: agenda-pack\n"
            f"  date: {day.isoformat()}\n"
            '  publisher: "TODO: as the pack names itself, e.g. Thurrock Council (Democratic Services)"\n'
            '  found_at: "TODO: where the original is published, in words a reader can search for"\n'
            f"  sha256: {digest}\n"
            f"  file: {file}\n"
            f"  description: Papers for the {day:%B %Y} meeting{minutes}.\n")


def new_meeting(content: Path, day_text: str, reports: list[str], pack: Path | None = None) -> Written:
    day = parse_date(day_text)
    if pack is not None and not pack.is_file():
        raise ScaffoldError(f"{pack} is not a file: give the pack's plain-text file to --pack")
    reports = [check_id(r, "report") for r in reports]
    written = Written()
    earlier = [d for d in _existing_dates(content, "meetings") if d < day]
    previous = earlier[-1] if earlier else None
    _write(content, f"meetings/{day.isoformat()}.yaml", meeting_text(day, previous, reports), written)
    documents = content / "documents.yaml"
    if f"id: pack-{day.isoformat()}\n" not in documents.read_text(encoding="utf-8"):
        with documents.open("a", encoding="utf-8") as handle:
            handle.write(_document_entry(day, previous, pack))
        written.files.append("content/documents.yaml (the pack's entry, added at the end)")
    if previous is not None and not (content / "minutes" / f"{previous.isoformat()}.yaml").exists():
        _write(content, f"minutes/{previous.isoformat()}.yaml", minutes_text(previous, day), written)
    if previous is not None and not (content / "follow-ups" / f"{previous.isoformat()}.yaml").exists():
        _write(content, f"follow-ups/{previous.isoformat()}.yaml", follow_ups_text(previous, day), written)
    if previous is not None:
        written.notes.append(f"where the pack reports on earlier records: python -m sitegen new progress "
                             f"pack-{day.isoformat()}")
    elif previous is None:
        written.notes.append("no earlier meeting: add a Minutes item with minutes_of: if the pack has one")
    for number, report in enumerate(reports, start=5 if previous else 4):
        _write(content, f"reports/{report}.yaml", report_text(report, day, number), written)
    if not reports:
        written.notes.append(f"add each paper: python -m sitegen new report <id> --meeting {day.isoformat()}")
    return written


def new_report(content: Path, report_id: str, meeting_text_: str | None, item: int | None) -> Written:
    check_id(report_id, "report")
    meeting = parse_date(meeting_text_) if meeting_text_ else None
    written = Written()
    _write(content, f"reports/{report_id}.yaml", report_text(report_id, meeting, item), written)
    if meeting is not None:
        written.notes.append(f"link it from its agenda item in content/meetings/{meeting.isoformat()}.yaml: "
                             f"report: {report_id}")
    return written


def new_progress(content: Path, doc: str) -> Written:
    check_id(doc, "document")
    written = Written()
    _write(content, f"progress/{doc}.yaml", progress_text(doc), written)
    return written


def new_plan(content: Path, plan_id: str, report_id: str | None) -> Written:
    check_id(plan_id, "plan")
    written = Written()
    doc = '"TODO: the document\'s id in documents.yaml"'
    report_path = content / "reports" / f"{report_id}.yaml" if report_id else None
    if report_id is not None:
        check_id(report_id, "report")
        assert report_path is not None
        if not report_path.exists():
            raise ScaffoldError(f"content/reports/{report_id}.yaml does not exist: start it first "
                                f"(python -m sitegen new report {report_id} ...)")
        found = re.search(r"^doc: ([a-z0-9-]+)\s*$", report_path.read_text(encoding="utf-8"), re.M)
        doc = found.group(1) if found else doc
    _write(content, f"action-plans/{plan_id}.yaml", plan_text(plan_id, report_id, doc), written)
    if report_path is not None:
        text = report_path.read_text(encoding="utf-8")
        if "\naction_plans: []\n" in text:
            report_path.write_text(text.replace("\naction_plans: []\n", f"\naction_plans: [{plan_id}]\n", 1),
                                   encoding="utf-8")
            written.files.append(f"content/reports/{report_id}.yaml (action_plans: [{plan_id}])")
        else:
            written.notes.append(f"add {plan_id} to action_plans in content/reports/{report_id}.yaml")
    return written
