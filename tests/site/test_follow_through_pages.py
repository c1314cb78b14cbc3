"""What a councillor preparing for a meeting reads: honest provenance, what was outstanding, the way
back to the papers, and feeds and CSVs that say the same as the pages."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sitegen.content import load_content
from sitegen.feeds import meetings_feed, status_feed
from sitegen.records import build_records

ATOM = "{http://www.w3.org/2005/Atom}"
SEEDS = Path("/work/shared/seeds")
INTERNAL_NAMES = ["deadline_date", "due_date", "period_end", "status_group", "as_at", "status_key",
                  "event_on", "order_date", "record_kind", "follow_ups"]


def _text(site_dir: Path, path: str) -> str:
    """The visible text of a built page's article."""
    page = (site_dir / path / "index.html").read_text()
    article = page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())


def test_each_list_says_whether_it_was_printed_or_built_by_the_site(site_dir: Path) -> None:
    assert "Printed plan" in _text(site_dir, "action-plans/2018-02-13-childrens-social-care-development-plan-2018-19")
    assert "Built by this site from a report's text" in _text(
        site_dir, "action-plans/2017-12-12-ofsted-inspection-action-plan-progress")
    assert "Printed list" in _text(site_dir, "action-plans/2017-12-12-aphr-2017-detailed-recommendations")
    index = _text(site_dir, "action-plans")
    assert "3 printed plans, 4 printed lists" in index and "2 lists this site built" in index


def test_roll_ups_say_what_they_count(site_dir: Path) -> None:
    tracker = _text(site_dir, "tracker")
    assert "What it counts" in tracker
    assert "97 rows of printed plans" in tracker  # the Development Plan's line
    assert "16 rows built by this site from reports' text" in tracker


def test_the_september_2022_meeting_says_the_tilbury_promise_is_still_open(site_dir: Path) -> None:
    page = _text(site_dir, "meetings/2022-09-13")
    assert "What was outstanding from earlier meetings" in page
    assert "FU-2022-06-16/5" in page and "Tilbury" in page


def test_the_february_2018_meeting_shows_what_its_papers_report_on_earlier_promises(site_dir: Path) -> None:
    page = _text(site_dir, "meetings/2018-02-13")
    assert "Due by 13 February 2018" in page
    assert "FU-2017-10-10/11" in page  # the SEND action plan update, reported as item 10


def test_attendance_comes_only_from_minutes(site_dir: Path) -> None:
    february = _text(site_dir, "meetings/2018-02-13")
    assert "Members summoned" in february and "no front sheet" in february
    assert "Bukky Okunade" not in february.split("Members summoned", 1)[1]
    december = _text(site_dir, "meetings/2017-12-12")
    assert "As the minutes record it. Present:" in december
    september = _text(site_dir, "meetings/2022-09-13")
    assert "who was summoned, not who came" in september


def test_the_home_page_leads_with_the_2023_update_and_gets_fostering_right(site_dir: Path) -> None:
    home = _text(site_dir, "")
    assert "Children's Social Care and Early Help update, April to December 2023" in home
    assert "only replacing carers who leave" not in home
    assert "not keeping up with carers who leave" in home


def test_the_2023_update_compares_then_and_now(site_dir: Path) -> None:
    page = _text(site_dir, "reports/2023-childrens-social-care-update")
    section = page.split("Then and now", 1)[1]
    assert re.search(r"per 10,000 children\W+67\W+Q2 2017/18.*?\W30\W+End of\W+Q3\W+2023/24", section)


def test_no_internal_field_names_reach_readers(site_dir: Path) -> None:
    found = []
    for path in site_dir.rglob("index.html"):
        relative = path.parent.relative_to(site_dir).as_posix()
        if '<article class="md-content__inner' not in path.read_text():
            continue
        words = _text(site_dir, "" if relative == "." else relative)
        found += [f"{relative}: {name}" for name in INTERNAL_NAMES if name in words]
    assert found == []


def test_source_pages_give_a_way_back_to_the_papers(site_dir: Path) -> None:
    content = load_content()
    for doc in content.documents.values():
        page = _text(site_dir, f"sources/{doc.id}")
        assert doc.sha256 in page and "democracy.thurrock.gov.uk" in page
        assert doc.file not in page and ".txt" not in page
        assert ("Undated" in page) == (doc.date is None)
    assert "Undated" in _text(site_dir, "sources/report-2018-performance")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts are only on the team's machine")
def test_the_recorded_fingerprints_match_the_source_texts() -> None:
    for doc in load_content().documents.values():
        assert hashlib.sha256((SEEDS / doc.file).read_bytes()).hexdigest() == doc.sha256, doc.id


def test_the_tracker_csv_has_one_row_per_record_and_the_history_csv_every_status(site_dir: Path) -> None:
    records = build_records(load_content())
    rows = list(csv.DictReader(io.StringIO((site_dir / "tracker" / "tracker.csv").read_text())))
    assert [r["reference"] for r in rows] == sorted([r["reference"] for r in rows], key=[
        x["reference"] for x in rows].index)  # one row each, in page order
    assert {r["reference"] for r in rows} == {r.ref for r in records} and len(rows) == len(records)
    complete = next(r for r in rows if r["reference"] == "FU-2017-10-10/11")
    assert complete["status"] == "Complete" and complete["evidence"]
    history = list(csv.DictReader(io.StringIO((site_dir / "tracker" / "tracker-history.csv").read_text())))
    assert len(history) == sum(len(r.history) for r in records)


def test_the_feeds_are_atom_with_stable_ids_and_dates_from_the_papers(site_dir: Path) -> None:
    content = load_content()
    for name, make in (("meetings.xml", meetings_feed), ("status-changes.xml", status_feed)):
        built = (site_dir / "feeds" / name).read_text()
        assert built == make(content), "a feed changed between two builds of the same content"
        feed = ET.fromstring(built)
        entries = feed.findall(f"{ATOM}entry")
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert entries and len(ids) == len(set(ids))
        for entry in entries:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated") or "")
            href = entry.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
            target = (site_dir / "feeds" / href.split("#")[0] / "index.html").resolve()
            assert target.is_file(), f"{name}: {href} does not resolve"
    meetings = ET.fromstring((site_dir / "feeds" / "meetings.xml").read_text())
    assert len(meetings.findall(f"{ATOM}entry")) == len(content.meetings)


def test_events_before_the_meeting_are_not_badged_overdue(site_dir: Path) -> None:
    page = _text(site_dir, "action-plans/2022-09-13-fostering-recruitment-activity-plan")
    row = page.split("EV1 Event", 1)[1].split("EV2", 1)[0]
    assert "Overdue" not in row and "Past its due date" not in row
    assert "Event on 3 September 2022" in row and "Scheduled" in row
