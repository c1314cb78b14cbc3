"""Records, follow-ups and status histories: a maintainer adds a status without losing the old one,
and `make validate` refuses a record, date or source that does not hold together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sitegen.content import CONTENT_DIR, Content, ContentError, load_content
from sitegen.records import build_records, records_by_ref

# The follow-ups each meeting's minutes (or papers) record, counted when they were transcribed.
FOLLOW_UPS = {"2017-10-10": 15, "2017-12-12": 13, "2018-02-13": 1, "2022-06-16": 5,
              "2022-09-13": 1}
APHR_RECOMMENDATIONS = ["S1", "S2", "S3", *(f"T8.{n}" for n in range(1, 10)),
                        *(f"T9.{n}" for n in range(1, 6))]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def test_every_follow_up_in_the_minutes_is_a_record(content: Content) -> None:
    counts = {day: len(f.follow_ups) for day, f in content.follow_ups.items()}
    assert counts == FOLLOW_UPS


def test_every_recommendation_of_the_2017_public_health_report_is_a_record(content: Content) -> None:
    refs = {r.ref for r in build_records(content)}
    assert {f"APHR17/{ref}" for ref in APHR_RECOMMENDATIONS} <= refs
    aphr = [r for r in build_records(content) if r.parent.code == "APHR17"]
    assert len(aphr) == 17 and all(r.kind == "recommendation" for r in aphr)


def test_references_are_unique_and_stable(content: Content) -> None:
    refs = [r.ref for r in build_records(content)]
    assert len(refs) == len(set(refs))
    assert "DP18/1.3" in refs and "FU-2017-10-10/5" in refs and "FOS22/EV1" in refs


def test_the_printed_development_plan_keeps_a_rating_per_review(content: Content) -> None:
    record = records_by_ref(content)["DP18/2.6"]
    said = [e.entry.said for e in record.history if e.status]
    assert said == ["RAG initial: 1", "RAG 01/18: 4"]
    assert [e.status for e in record.history if e.status] == ["off-track", "complete"]
    assert record.current and record.current.entry.evidence  # complete shows its evidence


def test_a_later_paper_reports_on_an_earlier_follow_up(content: Content) -> None:
    lscb = records_by_ref(content)["FU-2017-10-10/1"]
    assert lscb.status == "complete" and lscb.follow_through == "reported-done"
    tilbury = records_by_ref(content)["FU-2022-06-16/5"]
    assert tilbury.status == "open" and tilbury.follow_through == "not-seen"
    assert "pack-2022-09-13" in {d.id for d in tilbury.later_docs}


def test_no_owner_is_inferred_where_a_paper_prints_none(content: Content) -> None:
    """The fostering plan has no owner column; the complaints table names teams complained about."""
    for code in ("FOS22", "CMP22", "LSCP22", "CSC23"):
        owners = {r.owner for r in build_records(content) if r.parent.code == code}
        assert owners == {"Not stated"}, code


def test_events_are_never_overdue(content: Content) -> None:
    events = [r for r in build_records(content) if r.kind == "event"]
    assert len(events) == 14
    assert not any(r.overdue for r in events)
    before_meeting = [r for r in events if r.row.event_on and r.row.event_on.isoformat() < "2022-09-13"]
    assert len(before_meeting) == 4  # 3 to 7 September 2022: events, not deadlines


# ---- what a maintainer gets told ----

@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def _problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return caught.value.problems


def _add_document(root: Path, doc_id: str = "pack-2024-03-12", day: str = "2024-03-12") -> None:
    with (root / "documents.yaml").open("a") as handle:
        handle.write(f"""- id: {doc_id}
  short: Pack, 12 Mar 2024
  title: Agenda pack, 12 March 2024
  kind: agenda-pack
  date: {day}
  publisher: Thurrock Council (Democratic Services)
  found_at: The committee's papers page for 12 March 2024.
  sha256: {"ab" * 32}
  file: 005_example.txt
  description: A later pack, for the test.
""")


def _write_progress(root: Path, doc_id: str, updates: str) -> Path:
    path = root / "progress" / f"{doc_id}.yaml"
    path.write_text(f"doc: {doc_id}\nupdates:\n{updates}")
    return path


NURSERY_DONE = """- record: FU-2022-06-16/5
  status: complete
  date: 2024-03-12
  said: The committee received an update on nursery places in Tilbury.
  basis: stated
  evidence: Item 7 reported the new places.
  source: {doc: pack-2024-03-12, section: "Item 7"}
"""


def test_a_maintainer_adds_a_status_from_next_months_papers_without_losing_the_old_one(
        content_copy: Path) -> None:
    _add_document(content_copy)
    _write_progress(content_copy, "pack-2024-03-12", NURSERY_DONE)
    content = load_content(content_copy)
    record = records_by_ref(content)["FU-2022-06-16/5"]
    assert record.status == "complete" and record.follow_through == "reported-done"
    lscp = records_by_ref(content)["LSCP22/Shae-Ashley"]
    assert [e.entry.said[:20] for e in lscp.history] == ["noted that 2 of the ", "Work has started on "]


def test_a_status_for_a_record_that_does_not_exist_is_refused(content_copy: Path) -> None:
    _add_document(content_copy)
    _write_progress(content_copy, "pack-2024-03-12", NURSERY_DONE.replace("FU-2022-06-16/5", "DP18/99.9"))
    problems = _problems(content_copy)
    assert any("progress/pack-2024-03-12.yaml: update 1 (DP18/99.9): no record 'DP18/99.9'" in p
               for p in problems), problems


def test_complete_without_evidence_is_refused(content_copy: Path) -> None:
    _add_document(content_copy)
    _write_progress(content_copy, "pack-2024-03-12",
                    NURSERY_DONE.replace("  evidence: Item 7 reported the new places.\n", ""))
    problems = _problems(content_copy)
    assert any("pack-2024-03-12.yaml" in p and "needs `evidence`" in p for p in problems), problems


def test_a_status_dated_after_its_paper_is_refused(content_copy: Path) -> None:
    _add_document(content_copy)
    _write_progress(content_copy, "pack-2024-03-12",
                    NURSERY_DONE.replace("date: 2024-03-12", "date: 2024-04-01"))
    problems = _problems(content_copy)
    assert any("dated 2024-04-01, after its document" in p for p in problems), problems


def test_a_status_from_the_records_own_paper_belongs_in_its_own_file(content_copy: Path) -> None:
    _write_progress(content_copy, "pack-2022-09-13",
                    NURSERY_DONE.replace("2024-03-12", "2022-09-13").replace(
                        "FU-2022-06-16/5", "FOS22/A1"))
    problems = _problems(content_copy)
    assert any("is not later than the record's own document" in p for p in problems), problems


def test_a_judgement_read_from_a_reports_words_is_refused(content_copy: Path) -> None:
    _add_document(content_copy)
    _write_progress(content_copy, "pack-2024-03-12", NURSERY_DONE.replace(
        "status: complete", "status: at-risk").replace("  evidence: Item 7 reported the new places.\n", ""))
    problems = _problems(content_copy)
    assert any("'at-risk' is a judgement" in p for p in problems), problems


def test_an_owner_written_as_not_stated_is_refused(content_copy: Path) -> None:
    path = content_copy / "follow-ups" / "2022-06-16.yaml"
    path.write_text(path.read_text().replace("  owner: The LSCP Business Manager\n",
                                             "  owner: Not stated\n", 1))
    problems = _problems(content_copy)
    assert any("2022-06-16.yaml" in p and "leave `owner` out" in p for p in problems), problems


def test_an_event_cannot_be_given_a_deadline(content_copy: Path) -> None:
    path = content_copy / "action-plans" / "2022-09-13-fostering-recruitment-activity-plan.yaml"
    text = path.read_text()
    assert "  event_on: 2022-09-03\n" in text
    path.write_text(text.replace("  event_on: 2022-09-03\n",
                                 "  event_on: 2022-09-03\n  due_date: 2022-09-03\n", 1))
    problems = _problems(content_copy)
    assert any("events are never overdue" in p for p in problems), problems


def test_a_related_record_must_exist(content_copy: Path) -> None:
    path = content_copy / "follow-ups" / "2017-10-10.yaml"
    path.write_text(path.read_text().replace("related: [OFS17/3.5c]", "related: [OFS17/3.5z]"))
    problems = _problems(content_copy)
    assert any("related record 'OFS17/3.5z' does not exist" in p for p in problems), problems


def test_follow_ups_need_a_meeting(content_copy: Path) -> None:
    source = content_copy / "follow-ups" / "2022-06-16.yaml"
    data = yaml.safe_load(source.read_text())
    data["meeting"] = "2022-07-01"
    (content_copy / "follow-ups" / "2022-07-01.yaml").write_text(yaml.safe_dump(data))
    problems = _problems(content_copy)
    assert any("follow-ups/2022-07-01.yaml: there is no meeting 2022-07-01" in p for p in problems), problems


def test_an_undated_document_says_what_is_known_instead_of_a_date(content_copy: Path) -> None:
    path = content_copy / "documents.yaml"
    path.write_text(path.read_text().replace("  earliest: 2024-01-01\n", ""))
    problems = _problems(content_copy)
    assert any("documents.yaml: entry 5" in p and "undated document needs" in p for p in problems), problems
