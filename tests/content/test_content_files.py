"""A maintainer who adds or edits a content file is told exactly what is wrong with it: one line
per problem, with the file and the line, counting from 1, and what to write instead."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from sitegen.content import load_content
from tests.support.content import content_problems as _problems

ROOT = Path(__file__).resolve().parents[2]


def test_every_content_file_is_valid() -> None:
    load_content()  # raises ContentError listing every problem


def _line_of(path: Path, text: str) -> int:
    return path.read_text().split("\n").index(text) + 1


def _dump(path: Path, data: object) -> None:
    """Rewrite a file from data, keeping its first line (the schema comment YAML drops)."""
    first = path.read_text().split("\n", 1)[0]
    path.write_text(f"{first}\n{yaml.safe_dump(data, sort_keys=False)}")


def test_a_missing_field_names_the_file_the_line_and_the_field(content_copy: Path) -> None:
    path = content_copy / "indicators" / "catalogue.yaml"
    entries = yaml.safe_load(path.read_text())
    del entries[0]["unit"]
    _dump(path, entries)
    assert _problems(content_copy) == [
        "content/indicators/catalogue.yaml:2: entry 1 > unit: missing: this field is required"]


def test_a_misspelt_field_is_refused_with_a_suggestion_and_nothing_else(content_copy: Path) -> None:
    report = content_copy / "reports" / "2017-12-12-annual-public-health-report-2017.yaml"
    report.write_text(report.read_text().replace("\npurpose:", "\npurpos:", 1))
    line = next(i for i, text in enumerate(report.read_text().split("\n"), 1) if text.startswith("purpos:"))
    assert _problems(content_copy) == [  # not followed by "has no file" for every link to the report
        f"content/reports/2017-12-12-annual-public-health-report-2017.yaml:{line}: purpos: unknown field "
        "(check the spelling: did you mean 'purpose'?)"]


def test_an_impossible_date_names_the_file_and_line_and_the_format(content_copy: Path) -> None:
    meeting = content_copy / "meetings" / "2022-09-13.yaml"
    meeting.write_text(meeting.read_text().replace("date: 2022-09-13", "date: 2022-02-30", 1))
    assert _problems(content_copy) == [
        "content/meetings/2022-09-13.yaml:2: date: '2022-02-30' is not a date (there is no such day): "
        "write YYYY-MM-DD, for example 2023-11-14"]


def test_a_date_in_another_format_is_told_the_format(content_copy: Path) -> None:
    plan = content_copy / "action-plans" / "2022-09-13-lscp-case-review-action-plans.yaml"
    plan.write_text(plan.read_text().replace("as_at: 2022-09-13", "as_at: 13/09/2022", 1))
    assert _problems(content_copy) == [
        f"content/action-plans/2022-09-13-lscp-case-review-action-plans.yaml:"
        f"{_line_of(plan, 'as_at: 13/09/2022')}: as_at: '13/09/2022' is not a date: write YYYY-MM-DD, "
        "for example 2023-11-14"]


def test_a_key_written_twice_is_refused(content_copy: Path) -> None:
    report = content_copy / "reports" / "2022-09-13-work-programme.yaml"
    text = report.read_text()
    first = _line_of(report, next(t for t in text.split("\n") if t.startswith("title:")))
    report.write_text(text.replace("\ntitle:", "\ntitle: An earlier title\ntitle:", 1))
    assert _problems(content_copy) == [
        f"content/reports/2022-09-13-work-programme.yaml:{first + 1}: 'title' is written twice in the "
        f"same place (first on line {first}): keep one, or YAML would silently use the last"]


def test_positions_in_lists_count_from_one(content_copy: Path) -> None:
    report = content_copy / "reports" / "2022-09-13-work-programme.yaml"
    data = yaml.safe_load(report.read_text())
    data["key_findings"][1]["source"] = {"doc": data["doc"]}
    _dump(report, data)
    problems = _problems(content_copy)
    assert len(problems) == 1
    assert re.fullmatch(r"content/reports/2022-09-13-work-programme\.yaml:\d+: key_findings item 2 > "
                        r"source: give a page \(as the pack prints it\) or a section of the report",
                        problems[0]), problems


def test_a_citation_of_an_unknown_document_names_the_line(content_copy: Path) -> None:
    glossary = content_copy / "glossary.yaml"
    count = len(yaml.safe_load(glossary.read_text()))
    with glossary.open("a") as handle:
        handle.write("- term: XYZ\n  expansion: Something\n  source: {doc: pack-1999-01-01, page: 3}\n")
    line = len(glossary.read_text().split("\n")) - 1
    assert _problems(content_copy) == [
        f"content/glossary.yaml:{line}: entry {count + 1} > source > doc: cites document "
        "'pack-1999-01-01', which is not in content/documents.yaml (add it there, or correct the id)"]


def test_an_indicator_value_that_is_not_a_number_names_the_csv_line(content_copy: Path) -> None:
    (content_copy / "indicators" / "points" / "zz-test.csv").write_text(
        "indicator,area,period,period_end,value,kind,doc,page,section,note\n"
        "lac-number,Thurrock,2016/17,2017-03-31,about 300,actual,pack-2017-12-12,20,,\n"
        "lac-number,Thurrock,2017/18,31/03/2018,300,actual,pack-2017-12-12,20,,\n"
    )
    assert _problems(content_copy) == [
        "content/indicators/points/zz-test.csv:2: value: 'about 300' is not a number: write digits only, "
        "for example 1234.5 (no commas or units)",
        "content/indicators/points/zz-test.csv:3: period_end: '31/03/2018' is not a date: write "
        "YYYY-MM-DD, for example 2023-11-14"]


def test_a_broken_yaml_file_is_reported_with_its_name_and_line(content_copy: Path) -> None:
    (content_copy / "reports" / "zz-test.yaml").write_text("id: zz-test\ntitle: [unclosed\n")
    problems = _problems(content_copy)
    assert len(problems) == 1 and problems[0].startswith("content/reports/zz-test.yaml:3: not valid YAML:")


def test_a_placeholder_left_by_the_scaffold_is_named(content_copy: Path) -> None:
    report = content_copy / "reports" / "2022-09-13-work-programme.yaml"
    data = yaml.safe_load(report.read_text())
    data["purpose"] = "TODO: what the report is for"
    _dump(report, data)
    problems = _problems(content_copy)
    assert len(problems) == 1 and "purpose: still to write (TODO: what the report is for)" in problems[0]


def test_make_validate_prints_one_line_per_problem_and_no_traceback(content_copy: Path) -> None:
    meeting = content_copy / "meetings" / "2022-09-13.yaml"
    meeting.write_text(meeting.read_text().replace("date: 2022-09-13", "date: 2022-09-31", 1)
                       .replace("\nvenue:", "\nvenue: twice\nvenue:", 1))
    done = subprocess.run([sys.executable, "-m", "sitegen", "validate", "--content", str(content_copy)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().split("\n")
    assert lines[0] == "2 problem(s) in content/:"
    assert all(line.startswith("  - content/meetings/2022-09-13.yaml:") for line in lines[1:])
