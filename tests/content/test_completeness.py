"""Every rule a set of papers must keep is checked by `make validate`, with the file and the line:
no action-plan row lost, every paper summarised and on its agenda, every briefing written."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.content import load_content
from tests.support.content import content_problems as _problems


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1))


def test_the_content_keeps_every_rule() -> None:
    load_content()


def test_a_plan_that_loses_a_row_is_caught(content_copy: Path) -> None:
    plan = content_copy / "action-plans" / "2022-09-13-lscp-case-review-action-plans.yaml"
    text = plan.read_text()
    last = text.rindex("\n- ref:")
    plan.write_text(text[:last] + "\n")
    line = text[:text.index("rows:")].count("\n") + 1
    expected = (f"content/action-plans/2022-09-13-lscp-case-review-action-plans.yaml:{line}: rows says 4, "
                "but 3 actions are listed: transcribe every row of the plan (or correct rows)")
    assert expected in _problems(content_copy)


def test_a_plan_must_declare_its_rows(content_copy: Path) -> None:
    plan = content_copy / "action-plans" / "2022-09-13-lscp-case-review-action-plans.yaml"
    plan.write_text(re.sub(r"^rows:.*\n", "", plan.read_text(), flags=re.M))
    line = plan.read_text().split("\n").index("id: 2022-09-13-lscp-case-review-action-plans") + 1
    assert _problems(content_copy) == [
        f"content/action-plans/2022-09-13-lscp-case-review-action-plans.yaml:{line}: rows: missing: this "
        "field is required"]


def test_an_agenda_item_with_papers_needs_a_summary(content_copy: Path) -> None:
    meeting = content_copy / "meetings" / "2017-12-12.yaml"
    _edit(meeting, "    minutes_of: 2017-10-10\n", "")
    line = meeting.read_text().split("\n").index("  - number: 2") + 1
    problems = _problems(content_copy)
    assert len(problems) == 1
    assert problems[0].startswith(f"content/meetings/2017-12-12.yaml:{line}: agenda item 2")
    assert "has papers (pages" in problems[0] and "add report: <id>" in problems[0]


def test_a_report_of_a_meeting_must_be_on_its_agenda(content_copy: Path) -> None:
    _edit(content_copy / "meetings" / "2018-02-13.yaml", "    report: 2018-02-13-work-programme\n", "")
    assert _problems(content_copy) == [
        "content/reports/2018-02-13-work-programme.yaml:5: meeting 2018-02-13, but no agenda item in "
        "content/meetings/2018-02-13.yaml links to this report: add report: 2018-02-13-work-programme "
        "to its agenda item"]


def test_a_meeting_with_papers_needs_a_briefing(content_copy: Path) -> None:
    meeting = content_copy / "meetings" / "2018-02-13.yaml"
    text = meeting.read_text()
    meeting.write_text(text[:text.index("briefing:")])
    problems = _problems(content_copy)
    assert problems == [problems[0]] and "the meeting has papers but no briefing" in problems[0]
    assert problems[0].startswith("content/meetings/2018-02-13.yaml:")


def test_minutes_need_their_meetings_page(content_copy: Path) -> None:
    (content_copy / "meetings" / "2017-10-10.yaml").unlink()
    assert ("content/minutes/2017-10-10.yaml:2: the minutes of 2017-10-10 need their meeting's page: add "
            "content/meetings/2017-10-10.yaml (python -m sitegen new meeting 2017-10-10)") \
        in _problems(content_copy)


def test_every_document_must_be_summarised(content_copy: Path) -> None:
    with (content_copy / "documents.yaml").open("a") as handle:
        handle.write("- id: pack-2023-11-14\n  short: Pack, 14 Nov 2023\n  title: Agenda pack, 14 "
                     "November 2023\n  kind: agenda-pack\n  date: 2023-11-14\n  file: x.txt\n"
                     "  publisher: Thurrock Council\n  found_at: The committee's papers page.\n"
                     f"  sha256: {'ab' * 32}\n"
                     "  description: Papers for the November 2023 meeting.\n")
    problems = _problems(content_copy)
    assert len(problems) == 1
    assert re.fullmatch(r"content/documents\.yaml:\d+: document 'pack-2023-11-14' is not summarised: "
                        r"add a report with doc: pack-2023-11-14 in content/reports/", problems[0])
