"""Starting the next meeting takes one command plus the data: the scaffold writes every required
field, marks what is still to write, and the files then validate once the data is in."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import scaffold
from sitegen.content import CONTENT_DIR, load_content
from sitegen.kinds import KINDS
from sitegen.schemas import schema_text
from tests.support.content import content_problems as _problems

ROOT = Path(__file__).resolve().parents[2]
REPORT = "2023-11-14-fostering-update"
PLAN = "2023-11-14-fostering-action-plan"
FILLED = '"Filled in."'


def _fill_in(root: Path) -> None:
    """What the maintainer does: replace every TODO with the data from the pack."""
    values = {"page": "3", "pages": '"5 - 16"', "number": "2", "rows": "1", "as_at": "2023-11-14",
              "file": "005_example.txt", "sha256": "a" * 64, "code": "FR23", "provenance": "printed-plan",
              "record_kind": "action", "status": "on-track", "basis": "rated", "request": "promised",
              "minute": "5", "ref": "'1'"}
    def value(match: re.Match[str]) -> str:
        return f"{match.group(1)}: {values.get(match.group(1), FILLED)}"

    for path in root.rglob("*.yaml"):
        lines = []
        for line in path.read_text().split("\n"):
            line = re.sub(r'(\w+): "TODO[^"]*"', value, line)
            line = re.sub(r'^(\s*)- "TODO: one or more of[^"]*"', r"\1- fostering-placements", line)
            lines.append(line)
        path.write_text("\n".join(lines))


def test_a_new_meeting_starts_with_every_field_and_only_placeholders_to_fill(content_copy: Path) -> None:
    written = scaffold.new_meeting(content_copy, "2023-11-14", [REPORT])
    assert written.files == ["content/meetings/2023-11-14.yaml",
                             "content/documents.yaml (the pack's entry, added at the end)",
                             "content/minutes/2022-09-13.yaml", f"content/reports/{REPORT}.yaml"]
    problems = _problems(content_copy)
    assert problems and all("still to write (TODO" in p for p in problems), \
        [p for p in problems if "still to write" not in p]
    assert any(p.startswith("content/meetings/2023-11-14.yaml:6: time: still to write") for p in problems)


def test_once_the_data_is_in_the_new_meeting_validates_and_builds(content_copy: Path) -> None:
    scaffold.new_meeting(content_copy, "2023-11-14", [REPORT])
    scaffold.new_plan(content_copy, PLAN, REPORT)
    _fill_in(content_copy)
    content = load_content(content_copy)
    assert "2023-11-14" in content.meetings and "2022-09-13" in content.minutes
    assert content.reports[REPORT].action_plans == [PLAN]
    assert content.meetings["2023-11-14"].agenda[4].report == REPORT


def test_the_pack_file_gives_the_documents_name_and_hash(content_copy: Path, tmp_path: Path) -> None:
    pack = tmp_path / "006_pack.txt"
    pack.write_text("Agenda pack text")
    scaffold.new_meeting(content_copy, "2023-11-14", [], pack)
    entry = (content_copy / "documents.yaml").read_text().split("- id: pack-2023-11-14\n")[1]
    assert "  file: 006_pack.txt\n" in entry
    digest = hashlib.sha256(b"Agenda pack text").hexdigest()
    assert f'  sha256: "{digest}"\n' in entry


def test_nothing_already_written_is_overwritten(content_copy: Path) -> None:
    before = (content_copy / "meetings" / "2022-09-13.yaml").read_text()
    with pytest.raises(scaffold.ScaffoldError, match=r"content/meetings/2022-09-13.yaml already exists"):
        scaffold.new_meeting(content_copy, "2022-09-13", [])
    assert (content_copy / "meetings" / "2022-09-13.yaml").read_text() == before


@pytest.mark.parametrize(("date", "message"), [
    ("14/11/2023", "'14/11/2023' is not a date: write YYYY-MM-DD, for example 2023-11-14"),
    ("2023-02-30", "'2023-02-30' is not a date (there is no such day): write YYYY-MM-DD"),
])
def test_a_mistyped_date_is_refused_with_the_format(date: str, message: str) -> None:
    with pytest.raises(scaffold.ScaffoldError, match=re.escape(message)):
        scaffold.parse_date(date)


def test_the_command_line_writes_and_explains(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sitegen", "new", "meeting", "2023-13-01"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == ("new meeting: '2023-13-01' is not a date (there is no such day): "
                                   "write YYYY-MM-DD, for example 2023-11-14")


def test_the_json_schemas_are_generated_from_the_models_and_up_to_date() -> None:
    for kind in KINDS:
        committed = CONTENT_DIR / kind.schema_file
        assert committed.read_text() == schema_text(kind), \
            f"{committed} is stale: run python -m sitegen schemas"
        schema = json.loads(committed.read_text())
        fields = schema["items"] if kind.many else schema
        assert fields.get("additionalProperties") is False or "$ref" in fields


def test_every_content_file_names_its_schema_on_its_first_line(content_copy: Path) -> None:
    report = content_copy / "reports" / "2022-09-13-work-programme.yaml"
    report.write_text(report.read_text().split("\n", 1)[1])
    assert _problems(content_copy) == [
        "content/reports/2022-09-13-work-programme.yaml:1: start the file with the line "
        "'# yaml-language-server: $schema=../schemas/report.schema.json', so editors check it as you "
        "type (python -m sitegen schemas adds it)"]
